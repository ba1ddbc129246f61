package io.posegate.gateway.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.gateway.testing.Await;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 probe: a backend whose {@code run} hangs (a hung NCS2 or GPU; here the {@link HangingBackendTestDouble})
 * must not hold a worker or a stream forever, and {@code /ready} must say so while inference is stuck.
 */
class HungBackendTest {
    private static JsonObject config(int runTimeoutMs, int stallTimeoutMs) {
        return new JsonObject().put("backend", HangingBackendTestDouble.NAME)
                .put("streams", new JsonObject().put("cam", PipelineRig.demo(20)).put("other", PipelineRig.demo(20)))
                .put("inference", new JsonObject().put("runTimeoutMs", runTimeoutMs).put("stallTimeoutMs", stallTimeoutMs));
    }

    @Test
    void theWatchdogGivesUpAHungRunReopensTheSessionAndFramesFlowWhileTheCallStillHangs() throws Exception {
        try (LiveGateway gw = new LiveGateway(config(500, 5000))) {
            gw.awaitFrames("cam", 3, "start");
            gw.awaitReady(200, "at start");
            int opened = gw.hanging.opened();
            gw.hanging.hangNextRun();
            Await.until(() -> gw.gateway().scheduler().runTimeouts() == 1, Await.PATIENCE, () -> "the watchdog to give up the hung run");
            assertEquals(1, gw.hanging.hanging(), "the hung call should still be hanging");
            Await.until(() -> gw.hanging.opened() == opened + 1, Await.PATIENCE, () -> "the poisoned session to be reopened");
            gw.awaitFrames("cam", 5, "the reopen, with the old call still hung");
            gw.awaitFrames("other", 5, "the reopen, with the old call still hung");
            LiveGateway.Reply ready = gw.awaitReady(200, "with the old call still hung");
            assertTrue(ready.json().encode().contains("\"runTimeouts\":1"), ready.text());
            long timedOut = gw.gateway().streams().stream().map(StreamPipeline::lastError)
                    .filter(e -> e != null && e.contains("inference.runTimeoutMs")).count();
            assertEquals(1, timedOut, "the stream whose run hung should say why");
            assertEquals(0, gw.hanging.closed(), "the hung session must not be closed under its call");

            gw.hanging.releaseHung();
            Await.until(() -> gw.hanging.closed() >= 1, Await.PATIENCE, () -> "the poisoned session to close once its call returned");
            assertEquals(0, gw.hanging.closedDuringRun(), "a session was closed while a run was in progress");
            assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("posegate-infer-0.1")),
                    "no replacement worker");
            Await.until(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("posegate-infer-0")),
                    Await.PATIENCE, () -> "the abandoned worker to end once its call returned");
            gw.awaitFrames("cam", 5, "the hung call returned");
            assertEquals(0, gw.gateway().scheduler().workerRestarts());
        }
    }

    @Test
    void readyGoesDownWhileAHungRunStopsAllInferenceAndUpOnceFramesFlowAgain() throws Exception {
        try (LiveGateway gw = new LiveGateway(config(3_600_000, 1000))) {
            gw.awaitFrames("cam", 3, "start");
            gw.awaitReady(200, "at start");
            gw.hanging.hangNextRun();
            Await.until(() -> gw.hanging.hanging() == 1, Await.PATIENCE, () -> "a run to hang");
            gw.awaitReady(503, "while the only worker hangs");
            long before = gw.processed("cam") + gw.processed("other");
            LiveGateway.Reply down = gw.ready();
            assertEquals(503, down.status(), down.text());
            assertTrue(down.text().contains("none was processed"), down.text());
            assertEquals(before, gw.processed("cam") + gw.processed("other"), "/ready DOWN although frames were processed");
            gw.hanging.releaseHung();
            gw.awaitFrames("cam", 3, "the hung run returned");
            gw.awaitReady(200, "once frames flow again");
            assertEquals(0, gw.gateway().scheduler().runTimeouts());
        }
    }
}
