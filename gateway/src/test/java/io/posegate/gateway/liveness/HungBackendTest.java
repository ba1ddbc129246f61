package io.posegate.gateway.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.gateway.testing.Await;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        try (LiveGateway gw = new LiveGateway(config(1000, 10_000))) {
            gw.awaitFrames("cam", 3, "start");
            gw.awaitReady(200, "at start");
            int opened = gw.hanging.opened();
            gw.hanging.hangNextRun();
            Await.until(() -> gw.hanging.hanging() == 1, Await.PATIENCE, () -> "a run to hang");
            Await.until(() -> gw.gateway().scheduler().runTimeouts() >= 1, Await.PATIENCE, () -> "the watchdog to give up the hung run");
            Await.until(() -> gw.hanging.opened() > opened, Await.PATIENCE, () -> "the poisoned session to be reopened");
            // the only worker is stuck in the hung call: frames can flow only on its replacement
            gw.awaitFrames("cam", 5, "the reopen, with the old call still hung");
            gw.awaitFrames("other", 5, "the reopen, with the old call still hung");
            assertEquals(1, gw.hanging.hanging(), "the hung call should still be hanging");
            LiveGateway.Reply ready = gw.awaitReady(200, "with the old call still hung");
            assertTrue(ready.text().contains("runTimeouts"), ready.text());
            long timedOut = gw.gateway().streams().stream().map(StreamPipeline::lastError)
                    .filter(e -> e != null && e.contains("inference.runTimeoutMs")).count();
            assertTrue(timedOut >= 1, "the stream whose run hung should say why");

            gw.hanging.releaseHung();
            Await.until(() -> gw.hanging.hanging() == 0 && gw.hanging.closed() >= 1, Await.PATIENCE,
                    () -> "the poisoned session to close once its call returned");
            assertEquals(0, gw.hanging.closedDuringRun(), "a session was closed while a run was in progress");
            gw.awaitFrames("cam", 5, "the hung call returned");
            assertEquals(0, gw.gateway().scheduler().workerRestarts(), "the abandoned worker's end was counted as a death");
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

    @Test
    void readyNamesFailingFramesWhenEveryFrameFailsAndRecovers() throws Exception {
        try (LiveGateway gw = new LiveGateway(config(3_600_000, 1000))) {
            gw.awaitFrames("cam", 3, "start");
            gw.awaitReady(200, "at start");
            gw.hanging.failRuns(true);
            gw.awaitReady(503, "while every frame fails");
            LiveGateway.Reply down = gw.ready();
            assertTrue(down.text().contains("frames are failing"), down.text());
            assertTrue(down.text().contains("every output refused"), down.text());
            assertTrue(down.text().contains("\"failed\""), down.text());
            gw.hanging.failRuns(false);
            gw.awaitFrames("cam", 3, "runs succeed again");
            gw.awaitReady(200, "once frames are processed again");
        }
    }

    @Test
    void aHungRunOnAStreamsOwnModelIsGivenUpAndThatModelReopenedToo(@TempDir Path dir) throws Exception {
        Path models = PipelineRig.CONFIG_DIR.resolve("models");
        Files.copy(models.resolve("demo.sim.properties"), dir.resolve("demo.sim.properties"));
        Path own = Files.writeString(dir.resolve("demo-own.yaml"), Files.readString(models.resolve("demo-simulated.yaml"))
                .replace("name: demo-simulated", "name: demo-own"));
        JsonObject config = new JsonObject().put("backend", HangingBackendTestDouble.NAME)
                .put("streams", new JsonObject().put("own", PipelineRig.demo(20).put("model", own.toString())))
                .put("inference", new JsonObject().put("runTimeoutMs", 1000));
        try (LiveGateway gw = new LiveGateway(config)) {
            gw.awaitFrames("own", 3, "start");
            assertEquals("demo-own", gw.gateway().descriptorOf("own").name());
            int opened = gw.hanging.opened();
            gw.hanging.hangNextRun();
            Await.until(() -> gw.hanging.hanging() == 1, Await.PATIENCE, () -> "a run to hang");
            Await.until(() -> gw.hanging.opened() > opened, Await.PATIENCE, () -> "the stream's own model to be reopened");
            gw.awaitFrames("own", 5, "the reopen, with the old call still hung");
            assertEquals(1, gw.hanging.hanging(), "the hung call should still be hanging");
            assertTrue(gw.gateway().modelRuntimes().values().stream().noneMatch(rt -> rt.poisoned() != null),
                    "the poisoned runtime is still listed: " + gw.gateway().modelRuntimes());
            gw.awaitReady(200, "after the reopen");
        }
    }
}
