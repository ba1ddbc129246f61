package io.posegate.gateway.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.gateway.testing.Await;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** No exception kills an inference worker; one that dies anyway is restarted and counted. */
class InferenceWorkerTest {
    private static JsonObject oneStream() {
        return new JsonObject().put("backend", "simulated").put("streams", new JsonObject().put("cam", PipelineRig.demo(30)));
    }

    private static void awaitMoreFrames(PipelineRig rig, String stream, long more, String after) throws InterruptedException {
        long from = rig.frames(stream);
        Await.until(() -> rig.frames(stream) >= from + more, Await.PATIENCE, () -> more + " more frames of " + stream + " after " + after
                + " (" + rig.frames(stream) + " so far)");
    }

    @Test
    void aFrameFailingWithAnyThrowableIsCountedOnItsStreamAndTheWorkerGoesOn() throws Exception {
        try (PipelineRig rig = new PipelineRig(oneStream())) {
            awaitMoreFrames(rig, "cam", 3, "start");
            StreamPipeline cam = rig.gateway.stream("cam");
            for (Throwable t : new Throwable[] {new AssertionError("test assertion"), new StackOverflowError("test overflow"),
                    new NoClassDefFoundError("test linkage"), new IllegalStateException("test state")}) {
                long errors = cam.errors();
                AtomicReference<Throwable> once = new AtomicReference<>(t);
                rig.interfere = f -> throwIt(once.getAndSet(null));
                Await.until(() -> cam.errors() > errors, Await.PATIENCE, () -> "the " + t + " to be counted on the stream");
                assertTrue(cam.lastError().contains("test"), cam.lastError());
                awaitMoreFrames(rig, "cam", 3, t.toString());
            }
            assertEquals(0, rig.gateway.scheduler().workerRestarts(), "a worker died of a frame failure");
        }
    }

    @Test
    void aWorkerKilledByAVirtualMachineErrorIsRestartedAndCounted() throws Exception {
        try (PipelineRig rig = new PipelineRig(oneStream())) {
            awaitMoreFrames(rig, "cam", 3, "start");
            AtomicReference<Throwable> once = new AtomicReference<>(new InternalError("test: worker killer"));
            rig.interfere = f -> throwIt(once.getAndSet(null));
            Await.until(() -> rig.gateway.scheduler().workerRestarts() == 1, Await.PATIENCE, () -> "the dead worker to be restarted");
            awaitMoreFrames(rig, "cam", 5, "the restart");
            assertEquals(1, rig.gateway.scheduler().workerRestarts());
            StreamPipeline cam = rig.gateway.stream("cam");
            assertEquals(1, cam.errors(), "the frame the worker died on is counted on its stream");
            assertTrue(cam.lastError().contains("worker killer"), cam.lastError());
            assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(th -> th.getName().matches("posegate-infer-\\d+\\.1")),
                    "no replacement worker thread posegate-infer-N.1");
        }
    }

    private static void throwIt(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
    }
}
