package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.control.ConfigReloader;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.TestDescriptors;
import io.posegate.gateway.testing.TwinProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
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
 * The fleet's {@code swap-backend} command ({@link Commands}, as the agent runs it for {@code box/{id}/cmd/swap-backend})
 * checks every model the new default would run: stream {@code b} runs the ONNX test model and follows the default, so
 * {@code twin} (simulated format only) is refused with 422 naming the stream and its model, and nothing is swapped.
 */
class SwapBackendCommandCheckTest {
    @TempDir
    Path dir;
    private Vertx vertx;
    private Gateway gateway;
    private ConfigReloader reloader;

    private JsonObject tree() {
        return new JsonObject().put("http", new JsonObject().put("port", 0)).put("model", "demo-simulated")
                .put("modelsDir", dir.toString()).put("backend", "auto")
                .put("streams", new JsonObject().put("a", new JsonObject().put("source", "demo:?fps=5"))
                        .put("b", new JsonObject().put("source", "demo:?fps=5").put("model", "test")));
    }

    @BeforeEach
    void start() throws Exception {
        TestDescriptors.demoCopy(dir, "");
        TestDescriptors.write(dir, "heatmaps", 4);
        Path file = Files.writeString(dir.resolve("gateway.yaml"), tree().encode());
        vertx = Vertx.vertx();
        GatewayConfigLoader loader = new GatewayConfigLoader(vertx, file);
        GatewayConfig cfg = loader.load(Map.of()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        BackendRegistry registry = new BackendRegistry(List.of(new SimulatedBackendProvider(),
                BackendRegistry.discover().get("onnx"), new TwinProvider()));
        GatewayVerticle v = GatewayLauncher.deploy(vertx, cfg, registry).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        gateway = v.gateway();
        reloader = new ConfigReloader(vertx, gateway, loader, Map.of());
        reloader.fileTree(tree());
        Await.until(() -> gateway.stream("b") != null && gateway.stream("b").runtime() != null,
                Await.PATIENCE, () -> "stream b bound to a runtime");
    }

    @AfterEach
    void stop() throws Exception {
        reloader.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static byte[] command(String id, String backend) {
        return new JsonObject().put("id", id).put("args", new JsonObject().put("backend", backend)).encode()
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void swapBackendIsRefusedNamingTheStreamWhoseModelTheBackendCannotLoad() {
        Commands commands = new Commands(gateway, reloader, s -> null);
        ModelRuntime before = gateway.stream("b").runtime();
        JsonObject r = commands.run("swap-backend", command("c1", "twin"));
        assertEquals(422, r.getInteger("status"), r.encode());
        String error = r.getString("error");
        assertTrue(error.contains("stream b") && error.contains("'test'") && error.contains("twin") && error.contains("onnx"), error);
        assertEquals("auto", gateway.defaultBackend());
        assertNull(gateway.lastSwap(), "no swap was tried");
        assertSame(before, gateway.stream("b").runtime());

        JsonObject again = commands.run("swap-backend", command("c1", "twin"));
        assertEquals(Boolean.TRUE, again.getBoolean("duplicate"), "the same command id is answered, not run, again");
        assertNull(gateway.lastSwap());
    }
}
