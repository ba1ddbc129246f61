package io.posegate.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.GatewayClient;
import io.posegate.gateway.testing.TestDescriptors;
import io.posegate.gateway.testing.TwinProvider;
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
 * A backend change is checked against every model it would run, not only the gateway's: stream {@code b} runs a
 * model of its own (the generated ONNX test model, on ONNX Runtime) and follows the default backend. {@code twin}
 * loads the gateway's simulated model but not ONNX, so making it the default is refused up front, naming stream
 * {@code b} and its model, through {@code PUT /api/config} and the fleet's desired config (its {@code swap-backend}
 * command: {@code fleet.SwapBackendCommandCheckTest}), and nothing is touched; a stream added through the API that
 * follows the default is checked as well.
 */
class StreamModelBackendCheckTest {
    @TempDir
    Path dir;
    private Vertx vertx;
    private Gateway gateway;
    private ConfigReloader reloader;
    private GatewayClient client;

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
        client = new GatewayClient(vertx, v.actualPort(), v.generatedAdminToken());
        Await.until(() -> gateway.stream("b") != null && gateway.stream("b").runtime() != null,
                Await.PATIENCE, () -> "stream b bound to a runtime");
    }

    @AfterEach
    void stop() throws Exception {
        reloader.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static void assertNamesStreamB(String error) {
        assertTrue(error.contains("stream b") && error.contains("'test'") && error.contains("twin")
                && error.contains("onnx"), error);
    }

    @Test
    void twinFitsTheGatewaysModelButNotStreamBs() {
        assertNull(ConfigChange.unsatisfiable("twin", gateway), "the gateway's own model loads on twin");
        assertEquals("test", gateway.descriptorOf("b").name());
    }

    @Test
    void putConfigRefusesTheBackendNamingTheStreamAndTouchesNothing() throws Exception {
        ModelRuntime before = gateway.stream("b").runtime();
        HttpResponse<byte[]> r = client.http("PUT", "/api/config", new JsonObject().put("backend", "twin").encode());
        assertEquals(422, r.statusCode(), new String(r.body()));
        assertNamesStreamB(new String(r.body()));
        assertEquals("auto", gateway.defaultBackend());
        assertNull(gateway.lastSwap(), "no swap was tried");
        assertSame(before, gateway.stream("b").runtime());
    }

    @Test
    void aFleetDesiredConfigNamingTheBackendIsRefused() {
        ConfigChange.Verdict v = ConfigChange.check(new JsonObject().put("backend", "twin"), reloader, gateway);
        assertEquals(422, v.status(), v.error());
        assertNamesStreamB(v.error());
        assertEquals(1, v.problems().size(), v.problems().toString());
        assertEquals(200, ConfigChange.check(new JsonObject().put("backend", "auto"), reloader, gateway).status());
    }

    @Test
    void aFleetDesiredConfigAddingSuchAStreamIsRefusedBeforeItRuns() {
        JsonObject streams = new JsonObject().put("a", new JsonObject().put("source", "demo:?fps=5"))
                .put("c", new JsonObject().put("source", "demo:?fps=5").put("model", "test"));
        ConfigChange.Verdict v = ConfigChange.check(new JsonObject().put("streams", streams).put("backend", "twin"), reloader, gateway);
        assertEquals(422, v.status(), v.error());
        assertTrue(v.error().contains("stream c") && v.error().contains("'test'"), v.error());
        assertTrue(!v.error().contains("stream b"), "b is not in the desired streams, so it would be removed: " + v.error());
        JsonObject ownBackend = streams.copy();
        ownBackend.getJsonObject("c").put("backend", "onnx");
        assertEquals(200, ConfigChange.check(new JsonObject().put("streams", ownBackend).put("backend", "twin"), reloader, gateway).status(),
                "a stream naming a backend of its own does not follow the default");
    }

    @Test
    void aStreamAddedThroughTheApiThatFollowsTheDefaultIsCheckedToo() throws Exception {
        HttpResponse<byte[]> put = client.http("PUT", "/api/streams/c",
                new JsonObject().put("source", "demo:?fps=5").put("model", "test").encode());
        assertEquals(200, put.statusCode(), new String(put.body()));
        Await.until(() -> gateway.stream("c") != null && gateway.stream("c").runtime() != null,
                Await.PATIENCE, () -> "stream c bound to a runtime");
        assertTrue(!reloader.manages("c") && reloader.manages("b"));
        JsonObject onlyA = new JsonObject().put("a", new JsonObject().put("source", "demo:?fps=5"));
        ConfigChange.Verdict v = ConfigChange.check(new JsonObject().put("streams", onlyA).put("backend", "twin"), reloader, gateway);
        assertEquals(422, v.status(), v.error());
        assertEquals(1, v.problems().size(), "c (added through the API, kept by the change) is named; b, which the "
                + "change removes, is not: " + v.problems());
        assertTrue(v.error().contains("stream c") && v.error().contains("'test'"), v.error());
        assertEquals("auto", gateway.defaultBackend(), "nothing was touched");
    }
}
