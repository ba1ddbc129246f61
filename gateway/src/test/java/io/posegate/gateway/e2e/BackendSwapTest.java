package io.posegate.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.testing.TestDescriptors;
import io.posegate.spi.Probe;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live backend swap on real runtimes (ONNX Runtime and OpenVINO) through {@code PUT /api/config}: the
 * new backend takes over while the stream runs, with no failed frame; a failing swap keeps the old one.
 */
class BackendSwapTest {
    @TempDir
    Path dir;

    static void assumeAvailable(String backend) {
        Probe p = BackendRegistry.discover().probe(backend);
        assumeTrue(p.available(), backend + " unavailable: " + p.reason());
    }

    private static JsonObject streamOf(GatewayHarness gw) throws Exception {
        return gw.get("/api/streams").getJsonArray("streams").getJsonObject(0);
    }

    @Test
    void swapsOnnxToOpenVinoWhileRunningAndKeepsItWhenTheNextSwapFails() throws Exception {
        assumeAvailable("onnx");
        assumeAvailable("openvino");
        Path descriptor = TestDescriptors.write(dir, "heatmaps", 4);
        JsonObject config = new JsonObject().put("model", descriptor.toString()).put("backend", "onnx")
                .put("streams", new JsonObject().put("cam", new JsonObject().put("source", "demo:?fps=20")));
        try (GatewayHarness gw = new GatewayHarness(config)) {
            Thread.sleep(800);
            assertEquals("onnx:CPU", streamOf(gw).getString("backend"));
            JsonObject swap = gw.send(HttpMethod.PUT, "/api/config", new JsonObject().put("backend", "openvino"));
            assertEquals(200, swap.getInteger("status"), swap.encode());
            JsonObject backends = gw.get("/api/backends");
            assertEquals("openvino", backends.getString("default"));
            assertTrue(backends.getJsonObject("active").getString("cam").startsWith("openvino:"), backends.encode());
            JsonObject last = backends.getJsonObject("lastSwap");
            assertNotNull(last);
            assertEquals("onnx", last.getString("from"));
            assertTrue(last.getLong("millis") >= 0 && last.getValue("error") == null, last.encode());
            long processed = streamOf(gw).getLong("processed");
            Thread.sleep(800);
            JsonObject after = streamOf(gw);
            assertTrue(after.getLong("processed") > processed, "stream stalled after the swap: " + after);
            assertEquals(0L, after.getLong("errors"), "frames failed around the swap: " + after);
            JsonObject bad = gw.send(HttpMethod.PUT, "/api/config", new JsonObject().put("backend", "tensorrt"));
            assertEquals(409, bad.getInteger("status"), bad.encode());
            assertTrue(bad.getString("body").contains("tensorrt") && bad.getString("body").contains("kept"), bad.encode());
            JsonObject still = gw.get("/api/backends");
            assertEquals("openvino", still.getString("default"));
            assertTrue(still.getJsonObject("active").getString("cam").startsWith("openvino:"));
            assertNotNull(still.getJsonObject("lastSwap").getString("error"));
            JsonObject unknown = gw.send(HttpMethod.PUT, "/api/config", new JsonObject().put("backend", "warp-drive"));
            assertEquals(400, unknown.getInteger("status"), unknown.encode());
            assertTrue(unknown.getString("body").contains("known"), unknown.encode());
        }
    }
}
