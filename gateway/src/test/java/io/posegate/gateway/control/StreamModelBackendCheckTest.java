package io.posegate.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.testing.GatewayClient;
import io.posegate.gateway.testing.GatewayTrees;
import io.posegate.gateway.testing.TestBackends;
import io.posegate.gateway.testing.WithReloadingGateway;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A backend change is checked against every model it would run, not only the gateway's: stream {@code b} runs a
 * model of its own (the generated ONNX test model, on ONNX Runtime) and follows the default backend. {@code twin}
 * loads the gateway's simulated model but not ONNX, so making it the default is refused up front, naming stream
 * {@code b} and its model, through {@code PUT /api/config} and the fleet's desired config (its {@code swap-backend}
 * command: {@code fleet.SwapBackendCommandCheckTest}), and nothing is touched; a stream added through the API that
 * follows the default is checked as well.
 */
class StreamModelBackendCheckTest extends WithReloadingGateway {
    private GatewayClient client;

    @BeforeEach
    void start() throws Exception {
        GatewayTrees.writeDemoAndTestModels(dir);
        startGateway(GatewayTrees.withTestModelStream(dir, "auto"), TestBackends.simulatedOnnxAndTwin());
        client = running.client();
        running.awaitBound("b");
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
        running.awaitBound("c");
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
