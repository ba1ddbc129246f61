package io.posegate.backend.simulated;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.synth.TargetRenderer;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Tensor;
import io.posegate.spi.TensorInfo;
import java.util.Arrays;
import java.util.List;

/**
 * The simulated network on one input size: it finds the colour-coded joint markers in the input
 * tensor and renders the heatmaps and PAFs a perfect network would output for them, with
 * {@link TargetRenderer}. It reads nothing but the input tensor.
 *
 * <p>One run at a time ({@link #maxConcurrentRuns()} is 1): the two direct, native-order output
 * tensors are allocated once when the session opens and rewritten by every run, so close each result
 * before the next run. {@link #close()} is idempotent.
 */
final class SimulatedSession implements BackendSession {
    private final SimulatedModel model;
    private final long[] inputShape;
    private final Tensor heatmaps;
    private final Tensor pafs;
    private final FeatureMap heatmapView;
    private final FeatureMap pafView;
    private final MarkerDecoder decoder;
    private final TargetRenderer renderer;
    private volatile boolean closed;

    /** @throws BackendException {@link ErrorCode#MODEL_MISMATCH} naming the input or output that does not fit */
    SimulatedSession(SimulatedModel model, ModelSpec spec) {
        this.model = model;
        this.inputShape = spec.inputShape();
        if (!spec.inputName().equals(model.inputName())) {
            throw mismatch("input '" + spec.inputName() + "' does not exist; the simulated model's input is '" + model.inputName() + "'");
        }
        for (String name : spec.outputNames()) {
            if (!name.equals(model.heatmaps()) && !name.equals(model.pafs())) {
                throw mismatch("output '" + name + "' does not exist; the simulated model has '" + model.heatmaps()
                        + "' and '" + model.pafs() + "'");
            }
        }
        int s = model.stride();
        if (inputShape.length != 4 || inputShape[0] != 1 || inputShape[1] != 3 || inputShape[2] < s || inputShape[3] < s
                || inputShape[2] % s != 0 || inputShape[3] % s != 0) {
            throw mismatch("input '" + spec.inputName() + "' must be [1,3,H,W] with H and W multiples of the stride " + s
                    + ", got " + Arrays.toString(inputShape));
        }
        int mh = (int) inputShape[2] / s;
        int mw = (int) inputShape[3] / s;
        this.heatmaps = Tensor.allocate(model.heatmaps(), ElementType.FLOAT32, 1, model.heatmapChannels(), mh, mw);
        this.pafs = Tensor.allocate(model.pafs(), ElementType.FLOAT32, 1, model.pafChannels(), mh, mw);
        this.heatmapView = new FeatureMap(heatmaps.floats(), model.heatmapChannels(), mh, mw);
        this.pafView = new FeatureMap(pafs.floats(), model.pafChannels(), mh, mw);
        this.decoder = new MarkerDecoder(model.code(), model.rgb(), model.minMarkerPixels(), s);
        this.renderer = new TargetRenderer(model.topology(), model.sigma(), model.limbWidth());
    }

    private static BackendException mismatch(String message) {
        return new BackendException(ErrorCode.MODEL_MISMATCH, "simulated model: " + message);
    }

    @Override
    public String backendName() {
        return SimulatedBackendProvider.NAME;
    }

    @Override
    public String device() {
        return "CPU (simulated network)";
    }

    @Override
    public List<TensorInfo> inputs() {
        return List.of(new TensorInfo(model.inputName(), ElementType.FLOAT32, inputShape));
    }

    @Override
    public List<TensorInfo> outputs() {
        return List.of(new TensorInfo(heatmaps.name(), heatmaps.type(), heatmaps.shape()),
                new TensorInfo(pafs.name(), pafs.type(), pafs.shape()));
    }

    @Override
    public InferenceResult run(Tensor input) {
        if (closed) {
            throw new BackendException(ErrorCode.CLOSED, "simulated session is closed");
        }
        if (input == null || input.type() != ElementType.FLOAT32 || !Arrays.equals(input.shape(), inputShape)) {
            throw new BackendException(ErrorCode.INVALID_INPUT, "simulated model: input must be FLOAT32 "
                    + Arrays.toString(inputShape) + ", got " + input);
        }
        int h = (int) inputShape[2];
        int w = (int) inputShape[3];
        float[][][] people = decoder.decode(input.floats(), h, w);
        renderer.render(people, heatmapView, pafView);
        return new SimulatedResult(heatmaps, pafs);
    }

    @Override
    public void close() {
        closed = true;
    }
}
