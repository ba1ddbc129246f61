package io.posegate.gateway.testing;

import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.launch.GatewayLauncher;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Deploys a gateway from a config file that it watches (scanned every 200 ms), as {@code posegate run} does. */
public final class WatchedGateway {
    private WatchedGateway() {
    }

    /** Loads {@code file}, deploys the gateway on {@code vertx} and waits until it listens. */
    public static GatewayVerticle deploy(Vertx vertx, Path file) throws Exception {
        GatewayConfigLoader loader = new GatewayConfigLoader(vertx, file);
        GatewayConfig cfg = loader.load(Map.of()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return GatewayLauncher.deployWatching(vertx, loader, cfg, Map.of(), 200)
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
