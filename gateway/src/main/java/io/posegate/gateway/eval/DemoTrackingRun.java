package io.posegate.gateway.eval;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.demo.DemoScene;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputTransform;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.pipeline.FrameProcessor;
import io.posegate.grouping.metrics.MotFrame;
import io.posegate.grouping.tracking.KeypointSigmas;
import io.posegate.grouping.tracking.MultiPersonTracker;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a demo scene through the gateway's own frame pipeline (pre-processing, the model runtime, output
 * decoding, grouping, mapping to source pixels) and a tracker, and matches every frame's published
 * people to the scene's ground truth. Frame n is stamped at the scene's time of frame n (so jitter
 * reaches the tracker as varying intervals). Runs on the calling thread.
 */
public final class DemoTrackingRun {
    /** Ground-truth people need this many visible keypoints to count as objects (the publish rule's default). */
    public static final int MIN_TRUTH_KEYPOINTS = 5;
    /** Lowest OKS at which a published person matches a ground-truth one. */
    public static final float MIN_OKS = 0.5f;

    private DemoTrackingRun() {
    }

    /** The frames matched to ground truth, and what a viewer sees. */
    public record Result(List<MotFrame> frames, PeopleStats people) {
    }

    public static Result run(DemoScene scene, int frames, double fps, ModelRuntime runtime, MultiPersonTracker tracker)
            throws InterruptedException {
        requireNonNull(scene, "scene is null");
        ModelDescriptor d = runtime.descriptor();
        float[] sigmas = KeypointSigmas.forNames(d.topology().keypoints());
        FrameProcessor fp = new FrameProcessor(d);
        TruthMatcher matcher = new TruthMatcher(sigmas, MIN_TRUTH_KEYPOINTS, MIN_OKS);
        VideoFrame frame = new VideoFrame();
        List<MotFrame> out = new ArrayList<>(frames);
        PeopleStats stats = new PeopleStats();
        for (long n = 0; n < frames; n++) {
            scene.render(n, frame.reshape(scene.width(), scene.height()));
            long nanos = Math.round(scene.time(n) / fps * 1e9);
            frame.stamp(n, nanos / 1_000_000, 0);
            InputTransform t = fp.preprocess(frame);
            try (RuntimeLease lease = runtime.lease()) {
                fp.inferAndGroup(lease, t);
            }
            tracker.update(fp.poses(), nanos, sigmas);
            stats.add(fp.poses());
            out.add(matcher.match(scene.truth(n), fp.poses()));
        }
        return new Result(out, stats);
    }
}
