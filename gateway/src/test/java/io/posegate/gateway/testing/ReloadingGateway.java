package io.posegate.gateway.testing;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.control.ConfigReloader;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.spi.BackendProvider;
import io.vertx.config.ConfigRetriever;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gateway deployed from a config file on a Vertx of its own, with a {@link ConfigReloader} over it that knows the
 * file's tree, as {@code posegate run} has. Tests apply reloads and fleet overlays through {@link #reloader()}.
 * {@link #close()} closes the reloader and the Vertx.
 */
public final class ReloadingGateway implements AutoCloseable {
    private final Vertx vertx;
    private final GatewayVerticle verticle;
    private final ConfigReloader reloader;
    private GatewayClient client;

    private ReloadingGateway(Vertx vertx, GatewayVerticle verticle, ConfigReloader reloader) {
        this.vertx = vertx;
        this.verticle = verticle;
        this.reloader = reloader;
    }

    /** Writes {@code tree} to {@code dir/gateway.yaml} and starts a gateway from it with only {@code backends}. */
    public static ReloadingGateway start(Path dir, JsonObject tree, List<BackendProvider> backends) throws Exception {
        Path file = Files.writeString(dir.resolve("gateway.yaml"), tree.encode());
        return start(file, new BackendRegistry(backends), loader -> tree);
    }

    /** Starts a gateway from {@code file} with the backends found on the class path; the reloader reads the file's tree. */
    public static ReloadingGateway startFromFile(Path file) throws Exception {
        return start(file, null, ReloadingGateway::readTree);
    }

    @FunctionalInterface
    private interface FileTree {
        JsonObject of(GatewayConfigLoader loader) throws Exception;
    }

    /** @param registry the gateway's backends, or null for those found on the class path */
    private static ReloadingGateway start(Path file, BackendRegistry registry, FileTree fileTree) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            GatewayConfigLoader loader = new GatewayConfigLoader(vertx, file);
            GatewayConfig cfg = loader.load(Map.of()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            Future<GatewayVerticle> deployed = registry == null ? GatewayLauncher.deploy(vertx, cfg)
                    : GatewayLauncher.deploy(vertx, cfg, registry);
            GatewayVerticle v = deployed.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            ConfigReloader reloader = new ConfigReloader(vertx, v.gateway(), loader, Map.of());
            try {
                reloader.fileTree(fileTree.of(loader));
            } catch (Exception | Error e) {
                reloader.close();
                throw e;
            }
            return new ReloadingGateway(vertx, v, reloader);
        } catch (Exception | Error e) {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** The tree in the file, read as the reloader's file watch reads it. */
    private static JsonObject readTree(GatewayConfigLoader loader) throws Exception {
        ConfigRetriever r = loader.retriever(0);
        try {
            return r.getConfig().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } finally {
            r.close();
        }
    }

    public Vertx vertx() {
        return vertx;
    }

    public Gateway gateway() {
        return verticle.gateway();
    }

    public ConfigReloader reloader() {
        return reloader;
    }

    /** A client with the gateway's generated admin token. */
    public synchronized GatewayClient client() {
        if (client == null) {
            client = new GatewayClient(vertx, verticle.actualPort(), verticle.generatedAdminToken());
        }
        return client;
    }

    /** Waits until stream {@code name} runs and is bound to a runtime. */
    public void awaitBound(String name) throws InterruptedException {
        Gateway gateway = gateway();
        Await.until(() -> gateway.stream(name) != null && gateway.stream(name).runtime() != null,
                Await.PATIENCE, () -> "stream " + name + " bound to a runtime");
    }

    @Override
    public void close() throws Exception {
        try {
            reloader.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
