package io.posegate.gateway.bench;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.appearance.LimbColours;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.eval.GroupedRecording;
import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputTransform;
import io.posegate.gateway.model.ModelDecoder;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.pipeline.FrameProcessor;
import io.posegate.gateway.pipeline.HeldOutputs;
import io.posegate.grouping.Poses;
import io.posegate.grouping.tracking.KeypointSigmas;
import io.posegate.grouping.tracking.MultiPersonTracker;
import io.posegate.spi.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the tracker costs next to grouping on real frames ({@code posegate bench tracking}). {@link #record}
 * runs a source through pre-processing and the model once, keeping each frame's model outputs (and its model
 * input, for colour sampling); each {@link #pass} then runs the gateway's steps after inference on every kept
 * frame, in order and timed apart: grouping (decoding the outputs and mapping people to source pixels), limb
 * colour sampling (only for a tracker that uses appearance) and the tracker's update, with a new tracker per
 * pass so that every pass sees the same stream. Before a frame's steps its input, then its outputs, are copied
 * into buffers reused for every frame (not timed), in the order the gateway's worker writes them: the input at
 * pre-processing, the outputs' copy just before grouping. Keeps about 0.4 MB of outputs per frame for
 * human-pose-estimation-0001 (1.4 MB more with inputs), in direct memory. Runs on the calling thread; not
 * thread-safe.
 */
public final class TrackingCost {
    private record Kept(HeldOutputs outputs, Tensor input, InputTransform transform) {
    }

    private final ModelDescriptor descriptor;
    private final boolean keepInputs;
    private final List<Kept> frames = new ArrayList<>();
    private final float[] sigmas;
    private final ModelDecoder decoder;
    private final HeldOutputs live = new HeldOutputs();
    private Tensor input;
    private LimbColours colours;
    private Poses poses;

    /** A bench for {@code descriptor}'s model; {@code keepInputs}: keep each frame's model input, for colour sampling. */
    public TrackingCost(ModelDescriptor descriptor, boolean keepInputs) {
        this.descriptor = requireNonNull(descriptor, "descriptor is null");
        this.keepInputs = keepInputs;
        this.sigmas = KeypointSigmas.forNames(descriptor.topology().keypoints());
        this.decoder = new ModelDecoder(descriptor);
    }

    /**
     * Reads frames of {@code source} (opened and closed here) through the model until {@code max} frames are
     * kept in all or the source ends; returns how many are kept in all.
     */
    public int record(FrameSource source, ModelRuntime runtime, int max) throws IOException, InterruptedException {
        FrameProcessor fp = new FrameProcessor(descriptor);
        if (input == null) {
            input = Tensor.allocate("input", fp.input().type(), fp.input().shape());
            colours = new LimbColours(descriptor.topology(), descriptor.input(), input);
            poses = new Poses(descriptor.topology().keypointCount(), descriptor.decoder().maxPeople(), colours.parts());
        }
        VideoFrame frame = new VideoFrame();
        source.open();
        try {
            while (frames.size() < max && source.read(frame)) {
                InputTransform t = fp.preprocess(frame);
                try (RuntimeLease lease = runtime.lease()) {
                    fp.infer(lease);
                }
                HeldOutputs outputs = new HeldOutputs();
                outputs.copyFrom(fp.heldOutputs());
                Tensor kept = null;
                if (keepInputs) {
                    kept = Tensor.allocate("input", fp.input().type(), fp.input().shape());
                    kept.buffer().put(fp.input().buffer());
                }
                frames.add(new Kept(outputs, kept, t));
            }
        } finally {
            source.close();
        }
        return frames.size();
    }

    /**
     * One pass's totals over all kept frames, in nanoseconds, what the tracker was given and published, and how
     * many people it published in each frame.
     */
    public record Pass(int frames, long groupingNanos, long coloursNanos, long trackingNanos, long detections,
                       long published, int[] publishedByFrame) {
        /** Tracking time over grouping time. */
        public double trackingShare() {
            return (double) trackingNanos / groupingNanos;
        }

        /** Tracking and colour sampling time over grouping time. */
        public double withColoursShare() {
            return (double) (trackingNanos + coloursNanos) / groupingNanos;
        }

        /** One of this pass's totals, in microseconds per frame. */
        public double micros(long nanos) {
            return nanos / 1e3 / frames;
        }
    }

    /**
     * Runs every kept frame through grouping, colour sampling (if {@code appearance}: say whether the trackers
     * use it) and a new tracker from {@code trackers}, frame n stamped at n / fps.
     */
    public Pass pass(Supplier<MultiPersonTracker> trackers, boolean appearance, double fps) {
        try {
            return pass(trackers, appearance, fps, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #pass(Supplier, boolean, double)}, writing each frame's tracker input (timestamp and people, no
     * ground truth) to {@code record} first, if not null (outside the timed steps).
     *
     * @throws IllegalStateException when no frame is kept, or colours are asked for and inputs were not kept
     */
    public Pass pass(Supplier<MultiPersonTracker> trackers, boolean appearance, double fps, GroupedRecording.Writer record)
            throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalStateException("no frames recorded");
        }
        if (appearance && !keepInputs) {
            throw new IllegalStateException("colour sampling needs the frames' inputs, which this bench did not keep");
        }
        MultiPersonTracker tracker = trackers.get();
        int[] publishedByFrame = new int[frames.size()];
        long grouping = 0;
        long sampling = 0;
        long tracking = 0;
        long detections = 0;
        long published = 0;
        for (int n = 0; n < frames.size(); n++) {
            Kept f = frames.get(n);
            if (appearance) {
                input.buffer().put(f.input().buffer());
            }
            live.copyFrom(f.outputs());
            InputTransform t = f.transform();
            long nanos = Math.round(n / fps * 1e9);
            long t0 = System.nanoTime();
            decoder.decode(live, poses);
            long t1 = System.nanoTime();
            long t2 = t1;
            if (appearance) {
                colours.sample(poses);
                t2 = System.nanoTime();
            }
            t.toSource(poses);
            long t3 = System.nanoTime();
            detections += poses.count();
            if (record != null) {
                record.frame(nanos, poses, List.of());
            }
            long t4 = record != null ? System.nanoTime() : t3;
            tracker.update(poses, nanos, sigmas);
            long t5 = System.nanoTime();
            publishedByFrame[n] = poses.count();
            published += poses.count();
            grouping += (t1 - t0) + (t3 - t2);
            sampling += t2 - t1;
            tracking += t5 - t4;
        }
        return new Pass(frames.size(), grouping, sampling, tracking, detections, published, publishedByFrame);
    }
}
