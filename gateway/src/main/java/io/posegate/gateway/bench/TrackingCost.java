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
 * runs a source through pre-processing and the model once, keeping each frame's model input and outputs;
 * each {@link #pass} then runs the gateway's steps after inference on every kept frame, in order and timed
 * apart: grouping (decoding the outputs and mapping people to source pixels), limb colour sampling (only for
 * a tracker that uses appearance) and the tracker's update, with a new tracker per pass so that every pass
 * sees the same stream. A frame's outputs are first copied into one reused buffer, as the gateway's worker
 * copies a run's outputs before grouping (not timed). Keeps about 1.8 MB per frame for human-pose-estimation-0001.
 * Runs on the calling thread; not thread-safe.
 */
public final class TrackingCost {
    private record Kept(HeldOutputs outputs, Tensor input, InputTransform transform) {
    }

    private final ModelDescriptor descriptor;
    private final List<Kept> frames = new ArrayList<>();
    private final float[] sigmas;

    public TrackingCost(ModelDescriptor descriptor) {
        this.descriptor = requireNonNull(descriptor, "descriptor is null");
        this.sigmas = KeypointSigmas.forNames(descriptor.topology().keypoints());
    }

    /** Reads up to {@code max} frames of {@code source} (opened and closed here) through the model; returns how many. */
    public int record(FrameSource source, ModelRuntime runtime, int max) throws IOException, InterruptedException {
        FrameProcessor fp = new FrameProcessor(descriptor);
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
                Tensor input = Tensor.allocate("input", fp.input().type(), fp.input().shape());
                input.buffer().put(fp.input().buffer());
                frames.add(new Kept(outputs, input, t));
            }
        } finally {
            source.close();
        }
        return frames.size();
    }

    /** One pass's totals over all kept frames, in nanoseconds, and what the tracker was given and published. */
    public record Pass(int frames, long groupingNanos, long coloursNanos, long trackingNanos, long detections,
                       long published) {
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
     */
    public Pass pass(Supplier<MultiPersonTracker> trackers, boolean appearance, double fps, GroupedRecording.Writer record)
            throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalStateException("no frames recorded");
        }
        MultiPersonTracker tracker = trackers.get();
        ModelDecoder decoder = new ModelDecoder(descriptor);
        HeldOutputs live = new HeldOutputs();
        Tensor input = Tensor.allocate("input", frames.get(0).input().type(), frames.get(0).input().shape());
        LimbColours colours = new LimbColours(descriptor.topology(), descriptor.input(), input);
        Poses poses = new Poses(descriptor.topology().keypointCount(), descriptor.decoder().maxPeople(), colours.parts());
        long grouping = 0;
        long sampling = 0;
        long tracking = 0;
        long detections = 0;
        long published = 0;
        for (int n = 0; n < frames.size(); n++) {
            Kept f = frames.get(n);
            live.copyFrom(f.outputs());
            input.buffer().put(f.input().buffer());
            InputTransform t = f.transform();
            long t0 = System.nanoTime();
            decoder.decode(live, poses);
            long t1 = System.nanoTime();
            long t2 = t1;
            if (appearance) {
                colours.sample(poses);
                t2 = System.nanoTime();
            }
            poses.transform(1f / t.scaleX(), -t.padX() / t.scaleX(), 1f / t.scaleY(), -t.padY() / t.scaleY());
            detections += poses.count();
            long t3 = System.nanoTime();
            long nanos = Math.round(n / fps * 1e9);
            long t4 = t3;
            if (record != null) {
                record.frame(nanos, poses, List.of());
                t4 = System.nanoTime();
            }
            tracker.update(poses, nanos, sigmas);
            long t5 = System.nanoTime();
            published += poses.count();
            grouping += (t1 - t0) + (t3 - t2);
            sampling += t2 - t1;
            tracking += t5 - t4;
        }
        return new Pass(frames.size(), grouping, sampling, tracking, detections, published);
    }
}
