package io.posegate.gateway.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 probe: adding and deleting streams in rounds threw {@code ArrayIndexOutOfBoundsException} in the
 * scheduler and killed the only worker (stalled in round 6), and a deleted stream left {@code /ready} at 503
 * forever. Here: 100 rounds of adding 50 streams and deleting them, beside one stream that stays.
 */
class StreamChurnTest {
    static final int ROUNDS = 100;
    static final int STREAMS = 50;

    @Test
    void aHundredRoundsOfAddingAndDeletingFiftyStreamsKeepInferenceRunningAndReadyFollowsTheStreams() throws Exception {
        JsonObject config = new JsonObject().put("backend", "simulated")
                .put("streams", new JsonObject().put("keep", PipelineRig.demo(20)))
                .put("inference", new JsonObject().put("workers", 2).put("maxStreams", STREAMS + 1).put("stallTimeoutMs", 5000));
        try (LiveGateway gw = new LiveGateway(config)) {
            gw.awaitFrames("keep", 3, "start");
            gw.awaitReady(200, "at start");
            for (int round = 1; round <= ROUNDS; round++) {
                for (int i = 0; i < STREAMS; i++) {
                    gw.gateway().addStream(PipelineRig.demoStream("r" + round + "s" + i, 30), 
                            io.posegate.gateway.ingest.SourceSpec.Origin.API);
                }
                assertEquals(STREAMS + 1, gw.gateway().streams().size());
                if (round % 10 == 0) {
                    // while they run: frames of the new streams flow too
                    String some = "r" + round + "s" + (round % STREAMS);
                    gw.awaitFrames(some, 2, "adding round " + round);
                }
                for (int i = 0; i < STREAMS; i++) {
                    assertTrue(gw.gateway().removeStream("r" + round + "s" + i));
                }
                if (round % 10 == 0) {
                    // the deleted streams no longer count: UP again, and true (the remaining stream is processed)
                    gw.awaitReady(200, "after deleting round " + round + "'s streams");
                    gw.awaitFrames("keep", 2, "round " + round);
                }
            }
            assertEquals(1, gw.gateway().streams().size());
            gw.awaitFrames("keep", 10, ROUNDS + " rounds");
            JsonObject ready = gw.awaitReady(200, "after " + ROUNDS + " rounds").json();
            assertTrue(ready.encode().contains("keep") && !ready.encode().contains("r1s0"), ready.encode());
            assertEquals(0, gw.gateway().scheduler().workerRestarts(), "an inference worker died during the churn");
        }
    }

    @Test
    void deletingAFailedStreamThatWasInTheConfigFileMakesReadyUpAgain() throws Exception {
        JsonObject config = new JsonObject().put("backend", "simulated").put("streams", new JsonObject()
                .put("keep", PipelineRig.demo(20)).put("broken", new JsonObject().put("source", "demo:?people=1&fps=20")
                        .put("backend", HangingBackendTestDouble.NAME + "-missing")));
        try (LiveGateway gw = new LiveGateway(config)) {
            LiveGateway.Reply down = gw.awaitReady(503, "with a failed stream");
            assertTrue(down.text().contains("broken"), down.text());
            assertEquals(204, gw.send("DELETE", "/api/streams/broken", null).status());
            LiveGateway.Reply up = gw.awaitReady(200, "once the failed stream is deleted");
            assertTrue(!up.text().contains("broken"), up.text());
            gw.awaitFrames("keep", 3, "the delete");
        }
    }
}
