package io.posegate.gateway.eval;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.demo.DemoScene;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputTransform;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.pipeline.FrameProcessor;
import io.posegate.grouping.PeopleRecords;
import io.posegate.grouping.Poses;
import io.posegate.grouping.metrics.MotFrame;
import io.posegate.grouping.tracking.KeypointSigmas;
import io.posegate.grouping.tracking.MultiPersonTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        try {
            return run(scene, frames, fps, runtime, tracker, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #run(DemoScene, int, double, ModelRuntime, MultiPersonTracker)}, writing the tracker's input to {@code input} (if not null). */
    public static Result run(DemoScene scene, int frames, double fps, ModelRuntime runtime, MultiPersonTracker tracker,
                             GroupedRecording.Writer input) throws InterruptedException, IOException {
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
            List<DemoScene.TruthPerson> truth = scene.truth(n);
            if (input != null) {
                input.frame(nanos, fp.poses(), truth);
            }
            tracker.update(fp.poses(), nanos, sigmas);
            stats.add(fp.poses());
            out.add(matcher.match(truth, fp.poses()));
        }
        return new Result(out, stats);
    }

    /**
     * Runs {@code tracker} on a recorded run's input ({@link GroupedRecording}) and matches its output to the
     * recorded truth as {@link #run} does: the same figures as the run that recorded it, without rendering,
     * inference or grouping. The input is not changed (replay it through several trackers). At most {@code frames} frames.
     * Every recorded person is replayed, even where {@code d}'s decoder keeps fewer per frame.
     */
    public static Result replay(List<GroupedRecording.Frame> input, int frames, ModelDescriptor d, MultiPersonTracker tracker) {
        float[] sigmas = KeypointSigmas.forNames(d.topology().keypoints());
        TruthMatcher matcher = new TruthMatcher(sigmas, MIN_TRUTH_KEYPOINTS, MIN_OKS);
        List<MotFrame> out = new ArrayList<>();
        PeopleStats stats = new PeopleStats();
        int parts = input.isEmpty() ? 0 : input.get(0).poses().appearanceParts();
        int capacity = d.decoder().maxPeople();
        for (GroupedRecording.Frame f : input) {
            capacity = Math.max(capacity, f.poses().count());
        }
        // room for the largest recorded frame: a replay feeds the tracker what was recorded, even through a
        // descriptor whose decoder would keep fewer people
        Poses poses = new Poses(d.topology().keypointCount(), capacity, parts);
        for (GroupedRecording.Frame f : input.subList(0, Math.min(frames, input.size()))) {
            PeopleRecords.copy(f.poses(), poses);
            tracker.update(poses, f.nanos(), sigmas);
            stats.add(poses);
            out.add(matcher.match(f.truth(), poses));
        }
        return new Result(out, stats);
    }
}
