package io.posegate.gateway.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.config.GatewayConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Issue 9 bounds through the API: stream cap, finite maxFps, unknown backend names (400 listing the known ones). */
class ApiBoundsTest {
    @Test
    void boundsAreEnforcedWithClearErrorsAndTheRunningStreamKeepsRunning() throws Exception {
        JsonObject config = new JsonObject().put("backend", "simulated")
                .put("streams", new JsonObject().put("keep", PipelineRig.demo(20)))
                .put("inference", new JsonObject().put("maxStreams", 3));
        try (LiveGateway gw = new LiveGateway(config)) {
            gw.awaitFrames("keep", 2, "start");
            JsonObject small = PipelineRig.demo(5);
            assertEquals(200, gw.send("PUT", "/api/streams/two", small).status());
            assertEquals(200, gw.send("PUT", "/api/streams/three", small).status());
            LiveGateway.Reply over = gw.send("PUT", "/api/streams/four", small);
            assertEquals(409, over.status(), over.text());
            assertTrue(over.text().contains("inference.maxStreams is 3"), over.text());
            assertEquals(404, gw.send("GET", "/api/streams/four", null).status(), "a refused stream was added anyway");
            assertEquals(200, gw.send("PUT", "/api/streams/three", PipelineRig.demo(6)).status(), "replacing a stream is not adding one");
            assertEquals(204, gw.send("DELETE", "/api/streams/three", null).status());
            assertEquals(200, gw.send("PUT", "/api/streams/four", small).status());

            for (Object bad : new Object[] {"NaN", "Infinity", 1e-300, -3}) {
                LiveGateway.Reply r = gw.send("PUT", "/api/streams/fps", new JsonObject().put("source", "demo:").put("maxFps", bad));
                assertEquals(400, r.status(), bad + ": " + r.text());
                assertTrue(r.text().contains("streams.fps.maxFps: must be 0 (no cap) or between"), r.text());
            }

            LiveGateway.Reply swap = gw.send("PUT", "/api/config", new JsonObject().put("backend", "warp-drive"));
            assertEquals(400, swap.status(), swap.text());
            assertTrue(swap.text().contains("unknown backend 'warp-drive'; known: auto, simulated, " + HangingBackendTestDouble.NAME),
                    swap.text());
            assertEquals("simulated", gw.gateway().defaultBackend());
            LiveGateway.Reply stream = gw.send("PUT", "/api/streams/two", small.copy().put("backend", "warp-drive"));
            assertEquals(400, stream.status(), stream.text());
            assertTrue(stream.text().contains("unknown backend 'warp-drive'; known: auto"), stream.text());

            gw.awaitFrames("keep", 3, "the refused requests");
            assertEquals(0, gw.gateway().stream("keep").errors());
        }
    }

    @Test
    void threeHundredApiAdditionsStopAtTheDefaultCapWithAClearError() throws Exception {
        JsonObject config = new JsonObject().put("backend", "simulated").put("streams", new JsonObject().put("keep", PipelineRig.demo(10)));
        try (LiveGateway gw = new LiveGateway(config)) {
            int accepted = 0;
            int refused = 0;
            for (int i = 0; i < 300; i++) {
                LiveGateway.Reply r = gw.send("PUT", "/api/streams/api" + i, PipelineRig.demo(1));
                if (r.status() == 200) {
                    accepted++;
                } else {
                    assertEquals(409, r.status(), r.text());
                    assertTrue(r.text().contains("inference.maxStreams is " + GatewayConfig.Bounds.DEFAULT_MAX_STREAMS), r.text());
                    refused++;
                }
            }
            assertEquals(GatewayConfig.Bounds.DEFAULT_MAX_STREAMS - 1, accepted);
            assertEquals(300 - accepted, refused);
            assertEquals(GatewayConfig.Bounds.DEFAULT_MAX_STREAMS, gw.gateway().streams().size());
            gw.awaitFrames("keep", 3, "300 additions");
        }
    }
}
