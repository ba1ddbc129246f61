package io.posegate.gateway.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.demo.DemoScene;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputTransform;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.gateway.model.Preprocessor;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A worker keeps its processors per model for good; when the model's runtime changes (a backend swap), what they kept
 * of the old runtime's output tensors is let go, so the old session's output memory is not kept reachable. Observed
 * through the caches' own counts and membership (no GC involved).
 */
class RuntimeChangeForgetsOutputsTest {
    private static final Path CONFIG_DIR = Path.of("..", "config").toAbsolutePath().normalize();

    private final ModelDescriptor d = ModelDescriptors.resolve("demo-simulated", CONFIG_DIR.resolve("models"));

    private ModelRuntime open() {
        return ModelRuntime.open(d, BackendRegistry.discover().select("simulated", d.format()), BackendOptions.empty());
    }

    /** The first output tensor {@code rt}'s session hands out (the simulated session hands out the same ones every run). */
    private Tensor firstOutput(ModelRuntime rt) {
        try (InferenceResult r = rt.session().run(new Preprocessor(d.input()).allocateInput())) {
            return r.output(r.names().get(0));
        }
    }

    @Test
    void aProcessorForgetsTheOldRuntimesOutputsWhenItRunsOnAnother() throws Exception {
        DemoScene scene = new DemoScene(640, 360, 3);
        VideoFrame frame = new VideoFrame();
        scene.render(0, frame.reshape(scene.width(), scene.height()));
        FrameProcessor held = new FrameProcessor(d);
        FrameProcessor direct = new FrameProcessor(d);
        try (ModelRuntime before = open(); ModelRuntime after = open()) {
            Tensor old = firstOutput(before);
            assertNotSame(old, firstOutput(after), "two sessions, two sets of outputs");
            int kept = 0;
            for (ModelRuntime rt : new ModelRuntime[] {before, before, after, after}) {
                InputTransform t = held.preprocess(frame);
                InputTransform same = direct.preprocess(frame);
                try (RuntimeLease lease = rt.lease()) {
                    held.infer(lease);
                    direct.inferAndGroup(lease, same);
                }
                held.group(t);
                if (rt == before) {
                    assertTrue(held.heldOutputs().keepsSource(old), "while on the first runtime, its outputs' views are kept");
                    kept = direct.decoder().outputsKept();
                    assertTrue(kept > 0, "the direct decoder keeps maps over the outputs");
                }
            }
            assertFalse(held.heldOutputs().keepsSource(old), "the old runtime's output is no longer kept");
            assertEquals(held.heldOutputs().names().size(), held.heldOutputs().sourcesKept(),
                    "only the new runtime's outputs are kept, one per output");
            assertEquals(kept, direct.decoder().outputsKept(), "the direct decoder keeps maps over the new outputs only");
        }
    }

    @Test
    void aBatchProcessorForgetsTheOldRuntimesOutputsWhenItRunsOnAnother() throws Exception {
        BatchProcessor bp = new BatchProcessor(d, 1);
        try (ModelRuntime before = open(); ModelRuntime after = open()) {
            Tensor old = firstOutput(before);
            try (RuntimeLease lease = before.lease()) {
                bp.infer(lease, 1);
            }
            assertTrue(bp.held().keepsSource(old));
            try (RuntimeLease lease = after.lease()) {
                bp.infer(lease, 1);
            }
            assertFalse(bp.held().keepsSource(old), "the old runtime's output is no longer kept");
            assertEquals(bp.held().names().size(), bp.held().sourcesKept());
        }
    }
}
