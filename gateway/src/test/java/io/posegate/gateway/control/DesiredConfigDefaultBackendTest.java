package io.posegate.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.testing.GatewayTrees;
import io.posegate.gateway.testing.TestBackends;
import io.posegate.gateway.testing.WithReloadingGateway;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fleet desired config that sets only {@code streams} leaves a backend chosen at run time running, so its streams
 * that follow the default are checked against that backend, not the file's: a stream on the ONNX test model
 * ({@code test}) is accepted when the file names {@code twin} (simulated format only) but {@code auto} was chosen
 * at run time, and refused when the file names {@code auto} but {@code twin} was chosen.
 */
class DesiredConfigDefaultBackendTest extends WithReloadingGateway {
    private void start(String fileBackend) throws Exception {
        GatewayTrees.writeDemoAndTestModels(dir);
        startGateway(GatewayTrees.demo(dir, fileBackend, 5), TestBackends.simulatedOnnxAndTwin());
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
