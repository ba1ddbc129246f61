package io.posegate.gateway.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.pipeline.SwapRecord;
import io.posegate.gateway.testing.Await;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtimes of streams that name a model or a backend of their own, through swaps, replacements and
 * removals: a stream keeps the model it names, and a runtime no stream uses any more is closed.
 */
class StreamRuntimesTest {
    @TempDir
    Path dir;

    private static JsonObject defaultOnAuto() {
        return new JsonObject().put("backend", "auto").put("streams", new JsonObject().put("cam", PipelineRig.demo(20)));
    }

    /** A copy of the demo's simulated network in {@code folder}, under its usual file name. */
    private Path demoNetworkIn(String folder) throws Exception {
        Path f = Files.createDirectories(dir.resolve(folder)).resolve("demo.sim.properties");
        return Files.copy(PipelineRig.CONFIG_DIR.resolve("models").resolve("demo.sim.properties"), f);
    }

    private static GatewayConfig.StreamConfig stream(String id, String backend, Path modelFile) {
        return new GatewayConfig.StreamConfig(id, PipelineRig.demo(20).getString("source"), 0, 0, 0, backend, Map.of(),
                null, modelFile);
    }

    private static void awaitFrames(PipelineRig rig, String stream, long more, String after) throws InterruptedException {
        long from = rig.frames(stream);
        Await.until(() -> rig.frames(stream) >= from + more, Await.PATIENCE,
                () -> more + " more frames of " + stream + " after " + after + " (" + rig.frames(stream) + " so far)");
    }

    @Test
    void aSwapToTheBackendAStreamWithItsOwnModelNamesLeavesThatStreamOnItsOwnModel() throws Exception {
        try (PipelineRig rig = new PipelineRig(defaultOnAuto())) {
            rig.gateway.addStream(stream("own", "simulated", demoNetworkIn("own")), SourceSpec.Origin.CONFIG_FILE);
            awaitFrames(rig, "own", 3, "start");
            ModelRuntime ownRuntime = rig.gateway.stream("own").runtime();
            ModelDescriptor ownModel = rig.gateway.descriptorOf("own");
            assertNotSame(rig.gateway.descriptor(), ownModel, "the stream should run a model of its own");
            assertSame(ownModel, ownRuntime.descriptor());

            SwapRecord swap = rig.gateway.swapBackend("simulated");
            assertNull(swap.error(), swap.toString());

            assertSame(ownRuntime, rig.gateway.stream("own").runtime(), "the stream was moved off its own model's runtime");
            assertSame(ownModel, rig.gateway.descriptorOf("own"));
            assertFalse(ownRuntime.retired(), "the stream's own runtime was closed by the swap");
            assertTrue(rig.gateway.modelRuntimes().containsValue(ownRuntime), "the stream's own runtime is no longer kept");
            awaitFrames(rig, "own", 3, "the swap");
        }
    }

    @Test
    void theRuntimeOfABackendOnlyOneStreamNamedClosesWhenThatStreamIsRemovedOrReplaced() throws Exception {
        String second = HangingBackendTestDouble.NAME;
        try (PipelineRig rig = new PipelineRig(defaultOnAuto())) {
            rig.gateway.addStream(stream("x", second, null), SourceSpec.Origin.CONFIG_FILE);
            awaitFrames(rig, "x", 3, "start");
            ModelRuntime removed = rig.gateway.runtimes().get(second);
            assertSame(removed, rig.gateway.stream("x").runtime());

            assertTrue(rig.gateway.removeStream("x"));
            assertFalse(rig.gateway.runtimes().containsKey(second), "still listed: " + rig.gateway.runtimes());
            assertTrue(removed.retired(), "the runtime no stream uses was not closed");
            Await.until(removed::sessionClosed, Await.PATIENCE, () -> "its session to close once its runs finished");

            rig.gateway.addStream(stream("y", second, null), SourceSpec.Origin.CONFIG_FILE);
            ModelRuntime replaced = rig.gateway.runtimes().get(second);
            rig.gateway.addStream(stream("y", null, null), SourceSpec.Origin.CONFIG_FILE);
            assertFalse(rig.gateway.runtimes().containsKey(second), "still listed: " + rig.gateway.runtimes());
            assertTrue(replaced.retired(), "the runtime the replaced stream named was not closed");
            awaitFrames(rig, "y", 3, "the replacement on the default backend");

            ModelRuntime defaultRuntime = rig.gateway.runtimes().get("auto");
            assertTrue(rig.gateway.removeStream("y") && rig.gateway.removeStream("cam"));
            assertSame(defaultRuntime, rig.gateway.runtimes().get("auto"), "the default backend's runtime must stay");
            assertFalse(defaultRuntime.retired());
        }
    }

    @Test
    void twoModelFilesOfTheSameNameInDifferentFoldersRunOnRuntimesOfTheirOwn() throws Exception {
        Path first = demoNetworkIn("first");
        Path second = demoNetworkIn("second");
        try (PipelineRig rig = new PipelineRig(defaultOnAuto())) {
            rig.gateway.addStream(stream("a", "simulated", first), SourceSpec.Origin.CONFIG_FILE);
            rig.gateway.addStream(stream("b", "simulated", second), SourceSpec.Origin.CONFIG_FILE);
            ModelRuntime a = rig.gateway.stream("a").runtime();
            ModelRuntime b = rig.gateway.stream("b").runtime();
            assertNotSame(a, b, "stream b runs the model file of stream a");
            assertEquals(first.toAbsolutePath().normalize(), a.descriptor().modelFile().toAbsolutePath().normalize());
            assertEquals(second.toAbsolutePath().normalize(), b.descriptor().modelFile().toAbsolutePath().normalize());
            assertEquals(2, rig.gateway.modelRuntimes().size(), "both runtimes listed: " + rig.gateway.modelRuntimes());
            assertTrue(rig.gateway.modelRuntimes().keySet().stream().noneMatch(k -> k.contains(dir.toString())),
                    "status shows the model file's folders: " + rig.gateway.modelRuntimes().keySet());
            awaitFrames(rig, "a", 3, "start");
            awaitFrames(rig, "b", 3, "start");
        }
    }
}
