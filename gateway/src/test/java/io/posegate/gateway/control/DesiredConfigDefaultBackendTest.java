package io.posegate.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.testing.TestDescriptors;
import io.posegate.gateway.testing.TwinProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet desired config that sets only {@code streams} leaves a backend chosen at run time running, so its streams
 * that follow the default are checked against that backend, not the file's: a stream on the ONNX test model
 * ({@code test}) is accepted when the file names {@code twin} (simulated format only) but {@code auto} was chosen
 * at run time, and refused when the file names {@code auto} but {@code twin} was chosen.
 */
class DesiredConfigDefaultBackendTest {
    @TempDir
    Path dir;
    private Vertx vertx;
    private Gateway gateway;
    private ConfigReloader reloader;

    private JsonObject tree(String backend) {
        return new JsonObject().put("http", new JsonObject().put("port", 0)).put("model", "demo-simulated")
                .put("modelsDir", dir.toString()).put("backend", backend)
                .put("streams", new JsonObject().put("a", new JsonObject().put("source", "demo:?fps=5")));
    }

    private void start(String fileBackend) throws Exception {
        TestDescriptors.demoCopy(dir, "");
        TestDescriptors.write(dir, "heatmaps", 4);
        Path file = Files.writeString(dir.resolve("gateway.yaml"), tree(fileBackend).encode());
        vertx = Vertx.vertx();
        GatewayConfigLoader loader = new GatewayConfigLoader(vertx, file);
        GatewayConfig cfg = loader.load(Map.of()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        BackendRegistry registry = new BackendRegistry(List.of(new SimulatedBackendProvider(),
                BackendRegistry.discover().get("onnx"), new TwinProvider()));
        GatewayVerticle v = GatewayLauncher.deploy(vertx, cfg, registry).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        gateway = v.gateway();
        reloader = new ConfigReloader(vertx, gateway, loader, Map.of());
        reloader.fileTree(tree(fileBackend));
    }

    @AfterEach
    void stop() throws Exception {
        if (reloader != null) {
            reloader.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** Streams {@code a} and {@code c}, which runs the ONNX test model and follows the default backend. */
    private static JsonObject streamsWithAnOnnxModel() {
        return new JsonObject().put("streams", new JsonObject().put("a", new JsonObject().put("source", "demo:?fps=5"))
                .put("c", new JsonObject().put("source", "demo:?fps=5").put("model", "test")));
    }

    @Test
    void aStreamTheRunTimeChoiceCanRunIsAcceptedThoughTheFilesBackendCannot() throws Exception {
        start("twin");
        assertNull(gateway.swapBackend("auto").error(), "chosen at run time, as PUT /api/config does");
        ConfigChange.Verdict v = ConfigChange.check(streamsWithAnOnnxModel(), reloader, gateway);
        assertEquals(200, v.status(), "auto keeps running and loads c's ONNX model: " + v.error());
        assertEquals(List.of(), reloader.applyOverlay(streamsWithAnOnnxModel()));
        assertEquals("auto", gateway.defaultBackend(), "the run-time choice still runs");
        assertEquals(422, ConfigChange.check(streamsWithAnOnnxModel().put("backend", "twin"), reloader, gateway).status(),
                "naming the file's backend makes it the default again, which cannot load c's model");
    }

    @Test
    void aStreamTheRunTimeChoiceCannotRunIsRefusedThoughTheFilesBackendCould() throws Exception {
        start("auto");
        assertNull(gateway.swapBackend("twin").error(), "chosen at run time; it runs the gateway's model");
        ConfigChange.Verdict v = ConfigChange.check(streamsWithAnOnnxModel(), reloader, gateway);
        assertEquals(422, v.status(), "twin keeps running and cannot load c's ONNX model");
        assertTrue(v.error().contains("stream c") && v.error().contains("'test'") && v.error().contains("twin"), v.error());
        assertNull(gateway.stream("c"), "nothing was touched");
        assertEquals(200, ConfigChange.check(streamsWithAnOnnxModel().put("backend", "auto"), reloader, gateway).status(),
                "naming auto makes it the default, which loads c's model");
    }
}
