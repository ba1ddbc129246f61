package io.posegate.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.demo.DemoSource;
import io.posegate.gateway.eval.TrackerKind;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputTransform;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.gateway.pipeline.FrameProcessor;
import io.posegate.grouping.tracking.KeypointSigmas;
import io.posegate.grouping.tracking.MultiPersonTracker;
import io.posegate.spi.BackendOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link TrackingCost} replays recorded frames through the gateway's own steps: a pass publishes as many people,
 * frame by frame, as a live run of the same frames through the gateway's frame processor, every pass the same
 * (a new tracker each), and colour sampling is timed only when the tracker uses appearance. The demo scene
 * through the simulated model (the grouping and the tracker are the real ones).
 */
class TrackingCostTest {
    private static final String DEMO = "demo:?people=6&bar=true&width=640&height=360&fps=240";
    private static final int FRAMES = 60;
    private static final double FPS = 10;

    @Test
    void aPassPublishesWhatALiveRunOfTheSameFramesPublishes() throws Exception {
        ModelDescriptor d = ModelDescriptors.resolve("demo-simulated", Path.of("../config/models"));
        try (ModelRuntime rt = ModelRuntime.open(d, BackendRegistry.discover().select("auto", d.format()), BackendOptions.empty())) {
            TrackingCost cost = new TrackingCost(d, true);
            assertThrows(IllegalStateException.class, () -> cost.pass(() -> TrackerKind.TRACKER.create(d, true), true, FPS));
            assertEquals(FRAMES, cost.record(new DemoSource(SourceSpec.of(DEMO)), rt, FRAMES));
            int[] live = liveRun(d, rt, TrackerKind.TRACKER.create(d, true));

            TrackingCost.Pass first = cost.pass(() -> TrackerKind.TRACKER.create(d, true), true, FPS);
            TrackingCost.Pass second = cost.pass(() -> TrackerKind.TRACKER.create(d, true), true, FPS);
            assertEquals(FRAMES, first.frames());
            assertArrayEquals(live, first.publishedByFrame());
            assertTrue(first.published() > 3 * FRAMES, "most of the 6 walkers are published: " + first.published());
            assertTrue(first.detections() >= first.published());
            assertEquals(first.detections(), second.detections());
            assertArrayEquals(first.publishedByFrame(), second.publishedByFrame());
            assertTrue(first.groupingNanos() > 0 && first.coloursNanos() > 0 && first.trackingNanos() > 0);
            assertEquals(first.trackingNanos() / (double) first.groupingNanos(), first.trackingShare(), 1e-12);

            TrackingCost.Pass plain = cost.pass(() -> TrackerKind.TRACKER.create(d, false), false, FPS);
            assertEquals(0, plain.coloursNanos(), "no colour sampling for a tracker without appearance");
            assertEquals(plain.trackingShare(), plain.withColoursShare(), 1e-12);
            TrackingCost.Pass greedy = cost.pass(() -> TrackerKind.GREEDY.create(d), false, FPS);
            assertTrue(greedy.published() > first.published(), "the greedy tracker publishes fragments too");

            TrackingCost withoutInputs = new TrackingCost(d, false);
            withoutInputs.record(new DemoSource(SourceSpec.of(DEMO)), rt, 5);
            assertEquals(5, withoutInputs.pass(() -> TrackerKind.TRACKER.create(d, false), false, FPS).frames());
            assertThrows(IllegalStateException.class, () -> withoutInputs.pass(() -> TrackerKind.TRACKER.create(d, true), true, FPS));
        }
    }

    /** People published per frame by the gateway's frame processor and {@code tracker} on the demo's first frames. */
    private static int[] liveRun(ModelDescriptor d, ModelRuntime rt, MultiPersonTracker tracker) throws Exception {
        float[] sigmas = KeypointSigmas.forNames(d.topology().keypoints());
        FrameProcessor fp = new FrameProcessor(d);
        DemoSource source = new DemoSource(SourceSpec.of(DEMO));
        VideoFrame frame = new VideoFrame();
        int[] published = new int[FRAMES];
        source.open();
        try {
            for (int n = 0; n < FRAMES && source.read(frame); n++) {
                InputTransform t = fp.preprocess(frame);
                try (RuntimeLease lease = rt.lease()) {
                    fp.inferAndGroup(lease, t);
                }
                tracker.update(fp.poses(), Math.round(n / FPS * 1e9), sigmas);
                published[n] = fp.poses().count();
            }
        } finally {
            source.close();
        }
        return published;
    }
}
