package io.posegate.gateway.pipeline;

import io.posegate.gateway.appearance.LimbColours;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.ingest.SourceState;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputTransform;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDecoder;
import io.posegate.gateway.model.Preprocessor;
import io.posegate.grouping.Poses;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;

/**
 * Runs one frame through pre-processing, the backend, output decoding and grouping, then maps people
 * back to source pixels. Holds one worker's reusable state for one model: the direct input tensor,
 * the pre-processor's tables, the decoder's workspace and the people container.
 *
 * <p>Not thread-safe: one per worker thread and model.
 */
public final class FrameProcessor {
    private final ModelDescriptor descriptor;
    private final Preprocessor preprocessor;
    private final Tensor input;
    private final ModelDecoder decoder;
    private final Poses poses;
    private final LimbColours colours;
    private final HeldOutputs held = new HeldOutputs();
    private final DisplayPlacement display = new DisplayPlacement();

    public FrameProcessor(ModelDescriptor descriptor) {
        this(descriptor, null);
    }

    /**
     * A processor that pre-processes into {@code input} (the descriptor's input shape; e.g. one item of a
     * batch tensor, see {@link io.posegate.spi.Tensor#item}), or into its own tensor when null.
     */
    FrameProcessor(ModelDescriptor descriptor, Tensor input) {
        this.descriptor = descriptor;
        this.preprocessor = new Preprocessor(descriptor.input());
        this.input = input != null ? input : preprocessor.allocateInput();
        this.decoder = new ModelDecoder(descriptor);
        this.colours = new LimbColours(descriptor.topology(), descriptor.input(), this.input);
        this.poses = new Poses(descriptor.topology().keypointCount(), descriptor.decoder().maxPeople(), colours.parts());
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    /**
     * Pre-processes {@code frame} into the input tensor; after this the frame can be recycled. The
     * placement returned maps the stream's pixels (the frame's display size, which is bigger than the
     * frame when the decoder already scaled it down for the model) to the model input.
     */
    public InputTransform preprocess(VideoFrame frame) {
        InputTransform t = preprocessor.preprocess(frame, input);
        return display.of(frame, t);
    }

    /**
     * Infers (under {@code lease}, which the caller holds and closes) and groups the pre-processed input, leaving people in source pixels in {@link #poses()}.
     *
     * @return infer and group milliseconds
     */
    public double[] inferAndGroup(RuntimeLease lease, InputTransform t) {
        long t0 = System.nanoTime();
        double inferMs;
        ranOn(lease.runtime());
        try (InferenceResult result = lease.run(input)) {
            inferMs = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            decoder.decode(result, poses);
        }
        toSourcePixels(t, true);
        return new double[] {inferMs, (System.nanoTime() - t0) / 1e6};
    }

    /**
     * On a change of runtime (a swap: each worker keeps its processor per model for good), lets go of what is kept of
     * the old runtime's outputs: the held copy's source views, and the decoder's maps (over the old outputs when
     * {@link #inferAndGroup} read them directly; maps over the held copy are made again once).
     */
    private void ranOn(ModelRuntime rt) {
        if (held.runsOn(rt.id())) {
            decoder.forgetOutputs();
        }
    }

    /** The decoder (its kept maps observable by tests). */
    ModelDecoder decoder() {
        return decoder;
    }

    /**
     * The decoder leaves people in model-input pixels: their limb colours are sampled there from the input
     * tensor, which still holds this frame (each path pre-processes, infers and groups a frame in turn on
     * one worker, and a batch's next frames are pre-processed only after all its items are grouped), if
     * {@code colours} (else people have none); then people are mapped back through the placement.
     */
    private void toSourcePixels(InputTransform t, boolean sampleColours) {
        if (sampleColours) {
            colours.sample(poses);
        }
        t.toSource(poses);
    }

    /**
     * Runs the pre-processed input under {@code lease} and keeps a copy of the outputs, so that the
     * caller can give the lease back before {@link #group grouping}: the next frame goes into the network
     * while this one is grouped.
     *
     * @return inference milliseconds (the copy included)
     */
    public double infer(RuntimeLease lease) {
        long t0 = System.nanoTime();
        ranOn(lease.runtime());
        try (InferenceResult result = lease.run(input)) {
            held.copyFrom(result);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /**
     * Groups the outputs kept by {@link #infer}, leaving people in source pixels in {@link #poses()}, with
     * their limb colours.
     *
     * @return grouping milliseconds
     */
    public double group(InputTransform t) {
        return group(t, true);
    }

    /**
     * As {@link #group(InputTransform)}; the people's limb colours are sampled only if {@code colours} (say
     * whether whoever takes this frame's people uses them: {@link PoseTracker#usesAppearance()}).
     */
    public double group(InputTransform t, boolean colours) {
        long t0 = System.nanoTime();
        decoder.decode(held, poses);
        toSourcePixels(t, colours);
        return (System.nanoTime() - t0) / 1e6;
    }

    /**
     * Groups frame {@code item} of a batch's outputs ({@code outputs} holds the whole batch), leaving people
     * in source pixels in {@link #poses()}, with their limb colours if {@code colours}.
     *
     * @return grouping milliseconds
     */
    double group(InferenceResult outputs, int item, InputTransform t, boolean colours) {
        long t0 = System.nanoTime();
        decoder.decode(outputs, item, poses);
        toSourcePixels(t, colours);
        return (System.nanoTime() - t0) / 1e6;
    }

    /** The model input this processor pre-processes into (colours are sampled from it). */
    public Tensor input() {
        return input;
    }

    /** The outputs kept by the last {@link #infer}, valid until the next one (benchmarks copy them). */
    public HeldOutputs heldOutputs() {
        return held;
    }

    public Poses poses() {
        return poses;
    }

    /** How many frames this processor has sampled people's limb colours of. */
    long colourSamples() {
        return colours.sampledFrames();
    }

    /** Builds the published frame from the current people. */
    public PoseFrame toFrame(String stream, long seq, long captureMillis, int width, int height, String backend,
                             SourceState state, Latency latency, long dropped) {
        return PoseFrames.of(descriptor, poses, stream, seq, captureMillis, width, height, backend, state, latency, dropped);
    }
}
