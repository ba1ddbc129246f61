package io.posegate.gateway.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.ForwardingProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A worker the watchdog gave up on ends when its hung run returns, even when that run fails with an Error
 * (which the lease does not turn into {@code Abandoned}): it must not go on taking frames unwatched.
 */
class AbandonedWorkerTest {
    @Test
    void aWorkerWhoseHungRunReturnsWithAnErrorEnds() throws Exception {
        AtomicBoolean failNextOnReturn = new AtomicBoolean();
        AtomicReference<Thread> hungWorker = new AtomicReference<>();
        JsonObject config = new JsonObject().put("backend", HangingBackendTestDouble.NAME)
                .put("streams", new JsonObject().put("cam", PipelineRig.demo(20)))
                .put("inference", new JsonObject().put("runTimeoutMs", 1000).put("stallTimeoutMs", 10_000));
        try (PipelineRig rig = new PipelineRig(config, hanging -> new ForwardingProvider(hanging) {
            @Override
            protected InferenceResult run(BackendSession session, Tensor input, int index) {
                boolean fail = failNextOnReturn.getAndSet(false);
                if (fail) {
                    hungWorker.set(Thread.currentThread());
                    ((HangingBackendTestDouble) hanging).hangNextRun(); // armed here, so the run that hangs is this one, the one that fails
                }
                InferenceResult r = session.run(input);
                if (fail) {
                    r.close();
                    throw new AssertionError("test: the hung run failed when it returned");
                }
                return r;
            }
        })) {
            Await.until(() -> rig.frames("cam") >= 3, Await.PATIENCE, () -> "3 frames at start");
            failNextOnReturn.set(true);
            Await.until(() -> rig.hanging.hanging() == 1, Await.PATIENCE, () -> "a run to hang");
            Await.until(() -> rig.gateway.scheduler().runTimeouts() >= 1, Await.PATIENCE, () -> "the watchdog to give up the hung run");
            rig.hanging.releaseHung();
            Thread worker = hungWorker.get();
            Await.ended(patience -> {
                worker.join(patience.toMillis());
                return !worker.isAlive();
            }, Await.PATIENCE, "the abandoned worker " + worker.getName());
            long frames = rig.frames("cam");
            Await.until(() -> rig.frames("cam") >= frames + 3, Await.PATIENCE, () -> "3 more frames on the replacement worker");
            assertEquals(0, rig.gateway.scheduler().workerRestarts(), "the abandoned worker's end was counted as a death");
        }
    }
}
