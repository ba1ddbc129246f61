package io.posegate.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.SwapRecord;
import io.posegate.gateway.testing.ForwardingProvider;
import io.posegate.gateway.testing.GatewayClient;
import io.posegate.spi.BackendSession;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backend chosen at run time ({@code PUT /api/config}, as the dashboard's Switch does) holds across config
 * changes that leave the config's {@code backend} alone (a token added, a stream edited), and gives way when the
 * file's {@code backend} itself changes or a fleet desired config names one. Three backends (auto, simulated, and
 * a second simulated one called {@code twin}) so that each step's winner is visible.
 */
class RunTimeBackendChoiceTest {
    private static final Path MODELS = Path.of("..", "config", "models").toAbsolutePath().normalize();

    @TempDir
    Path dir;
    private Vertx vertx;
    private Gateway gateway;
    private ConfigReloader reloader;
    private GatewayClient client;

    /** The simulated backend under another name. */
    private static final class Twin extends ForwardingProvider {
        Twin() {
            super(new SimulatedBackendProvider());
        }

        @Override
        public String name() {
            return "twin";
        }

        @Override
        protected InferenceResult run(BackendSession session, Tensor input, int index) {
            return session.run(input);
        }
    }

    /** The file's tree with {@code backend} and a stream at {@code fps}. */
    private static JsonObject tree(String backend, int fps) {
        return new JsonObject().put("http", new JsonObject().put("port", 0)).put("model", "demo-simulated")
                .put("modelsDir", MODELS.toString()).put("backend", backend)
                .put("streams", new JsonObject().put("a", new JsonObject().put("source", "demo:?fps=" + fps)));
    }

    @BeforeEach
    void start() throws Exception {
        Path file = Files.writeString(dir.resolve("gateway.yaml"), tree("auto", 5).encode());
        vertx = Vertx.vertx();
        GatewayConfigLoader loader = new GatewayConfigLoader(vertx, file);
        GatewayConfig cfg = loader.load(Map.of()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        BackendRegistry registry = new BackendRegistry(List.of(new SimulatedBackendProvider(), new Twin()));
        GatewayVerticle v = GatewayLauncher.deploy(vertx, cfg, registry).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        gateway = v.gateway();
        reloader = new ConfigReloader(vertx, gateway, loader, Map.of());
        reloader.fileTree(tree("auto", 5));
        client = new GatewayClient(vertx, v.actualPort(), v.generatedAdminToken());
    }

    @AfterEach
    void stop() throws Exception {
        reloader.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private void chooseAtRunTime(String backend) throws Exception {
        HttpResponse<byte[]> r = client.http("PUT", "/api/config", new JsonObject().put("backend", backend).encode());
        assertEquals(200, r.statusCode(), new String(r.body()));
        assertEquals(backend, gateway.defaultBackend());
    }

    @Test
    void aFileChangeThatLeavesBackendAloneKeepsTheRunTimeChoice() throws Exception {
        chooseAtRunTime("simulated");
        SwapRecord chosen = gateway.lastSwap();
        JsonObject withToken = tree("auto", 5).put("auth", new JsonObject().put("anonymous", "viewer"));
        reloader.apply(withToken);
        reloader.apply(tree("auto", 7));
        assertEquals(null, reloader.lastError());
        assertTrue(gateway.stream("a").spec().uri().contains("fps=7"), "the stream edit applied");
        assertEquals("simulated", gateway.defaultBackend(), "an unrelated file change undid the run-time choice");
        assertSame(chosen, gateway.lastSwap(), "no swap since the run-time one");
    }

    @Test
    void aFileChangeOfBackendItselfWins() throws Exception {
        chooseAtRunTime("simulated");
        reloader.apply(tree("twin", 5));
        assertEquals("twin", gateway.defaultBackend(), "the file's new backend");
        assertEquals("simulated", gateway.lastSwap().from());
        chooseAtRunTime("auto");
        reloader.apply(tree("twin", 9));
        assertEquals("auto", gateway.defaultBackend(), "the file's backend did not change again: the run-time choice holds");
    }

    @Test
    void aFleetDesiredConfigNamingBackendWinsEvenIfItNamesTheFilesOwn() throws Exception {
        chooseAtRunTime("simulated");
        assertEquals(List.of(), reloader.applyOverlay(new JsonObject().put("backend", "auto")));
        assertEquals("auto", gateway.defaultBackend());
        assertEquals("auto", reloader.intendedBackend(), "the backend the desired config set");
        chooseAtRunTime("twin");
        assertEquals(List.of(), reloader.applyOverlay(new JsonObject().put("streams",
                new JsonObject().put("a", new JsonObject().put("source", "demo:?fps=3")))));
        assertEquals("twin", gateway.defaultBackend(), "a desired config without backend leaves the run-time choice");
        assertEquals("twin", reloader.intendedBackend(), "what a fleet soak checks: the run-time choice, not the file's auto");
    }
}
