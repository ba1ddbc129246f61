package io.posegate.gateway.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.e2e.GatewayHarness;
import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.TestDescriptors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/backends} says which backend runs the model fastest here once asked to measure: every
 * available backend that loads the model is measured (real ONNX Runtime and, when installed, OpenVINO),
 * and the fastest is one of them. Only presence and consistency are checked, never a duration.
 */
class FastestBackendTest {
    @TempDir
    Path dir;

    private static JsonObject speedOf(GatewayHarness gw) {
        try {
            return gw.get("/api/backends").getJsonObject("speed");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDashboardsBackendListNamesTheFastestMeasuredBackend() throws Exception {
        BackendRegistry registry = BackendRegistry.discover();
        assumeTrue(registry.probe("onnx").available(), "onnx unavailable");
        Path descriptor = TestDescriptors.write(dir, "heatmaps", 4);
        JsonObject config = new JsonObject().put("model", descriptor.toString()).put("backend", "onnx")
                .put("streams", new JsonObject().put("cam", new JsonObject().put("source", "demo:?fps=5")));
        try (GatewayHarness gw = new GatewayHarness(config)) {
            assertEquals("not_started", gw.get("/api/backends").getJsonObject("speed").getString("state"),
                    "nothing is measured until asked");
            gw.get("/api/backends?measure=true");
            JsonObject[] speed = new JsonObject[1];
            Await.until(() -> "done".equals((speed[0] = speedOf(gw)).getString("state")),
                    Await.PATIENCE, () -> "the speed check to finish: " + speed[0]);
            JsonArray results = speed[0].getJsonArray("results");
            Set<String> measured = new HashSet<>();
            for (int i = 0; i < results.size(); i++) {
                JsonObject r = results.getJsonObject(i);
                assertTrue(r.getDouble("msPerFrame") > 0, r.encode());
                measured.add(r.getString("backend"));
            }
            assertTrue(measured.contains("onnx"), speed[0].encode());
            assertEquals(registry.probe("openvino").available(), measured.contains("openvino"), speed[0].encode());
            assertTrue(measured.contains(speed[0].getString("fastest")), speed[0].encode());
        }
    }
}
