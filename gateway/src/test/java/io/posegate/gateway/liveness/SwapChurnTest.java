package io.posegate.gateway.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.backend.ModelRuntime;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 probe: 300 swaps alternating {@code auto} and {@code simulated} used to leave the only worker blocked
 * forever on a closed runtime while {@code /ready} said UP. Here 1,000 such swaps ({@code PUT /api/config}) run while
 * three streams run; frames
 * must flow again afterwards and {@code /ready} must tell the truth throughout.
 */
class SwapChurnTest {
    static final int SWAPS = 1_000;
    static final int CHECK_EVERY = 100;

    @Test
    void aThousandBackendSwapsWhileStreamsRunNeverStopInferenceAndReadyTellsTheTruth() throws Exception {
        JsonObject streams = new JsonObject();
        for (String id : new String[] {"a", "b", "c"}) {
            streams.put(id, PipelineRig.demo(20));
        }
        JsonObject config = new JsonObject().put("backend", "auto").put("streams", streams)
                .put("inference", new JsonObject().put("workers", 2).put("stallTimeoutMs", 5000));
        try (LiveGateway gw = new LiveGateway(config)) {
            gw.awaitFrames("a", 3, "start");
            gw.awaitReady(200, "once the streams run");
            for (int i = 1; i <= SWAPS; i++) {
                String to = i % 2 == 1 ? "simulated" : "auto";
                LiveGateway.Reply r = gw.send("PUT", "/api/config", new JsonObject().put("backend", to));
                assertEquals(200, r.status(), "swap " + i + " to " + to + ": " + r.text());
                if (i % CHECK_EVERY == 0) {
                    // UP, and true: frames are being processed right now
                    LiveGateway.Reply ready = gw.ready();
                    assertEquals(200, ready.status(), "after " + i + " swaps: " + ready.text());
                    gw.awaitFrames("a", 1, i + " swaps, with /ready UP");
                }
            }
            for (String id : new String[] {"a", "b", "c"}) {
                gw.awaitFrames(id, 5, SWAPS + " swaps");
            }
            gw.awaitReady(200, "after " + SWAPS + " swaps");
            assertEquals("auto", gw.gateway().defaultBackend());
            assertEquals(1, gw.gateway().runtimes().size(), "runtimes left open: " + gw.gateway().runtimes());
            for (ModelRuntime rt : gw.gateway().runtimes().values()) {
                assertTrue(!rt.retired(), "a retired runtime is still in use");
            }
            assertEquals(0, gw.gateway().scheduler().workerRestarts(), "workers died during the swaps");
            assertEquals(0, gw.gateway().streams().stream().mapToLong(s -> s.errors()).sum(), "frames failed during the swaps");
        }
    }

}
