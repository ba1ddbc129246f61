package io.posegate.gateway.model;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.spi.Tensor;
import java.util.Arrays;

/**
 * The one pre-processing step every backend shares: bilinear resize (stretch or letterbox, pixel
 * centres aligned), colour order, normalisation, and the model's own element type (FLOAT32, UINT8,
 * INT8) and layout (NCHW or NHWC), written straight into the reused direct input tensor a row at a time
 * ({@link TensorRows}). A picture that already has the size the model needs (FFmpeg scales to it while
 * decoding) takes the identity path ({@link CopyRows}): a table look-up per byte, no resampling, and the
 * same tensor as the bilinear path ({@link BilinearRows}) would write. Tables are computed once per source
 * size; the steady state allocates nothing.
 *
 * <p>Not thread-safe: one instance per inference worker.
 */
public final class Preprocessor {
    private final InputSpec spec;
    private final float[] mul = new float[3];
    private final float[] add = new float[3];
    private final int[] srcChannel = new int[3];
    private final boolean identityPath;
    private final TensorRows rows;
    private final CopyRows copy;
    private final BilinearRows bilinear = new BilinearRows();
    private Tensor boundTo;
    private int cachedW = -1;
    private int cachedH = -1;
    private InputTransform transform;
    private boolean identity;
    private int left;
    private int top;
    private int innerW;
    private int innerH;

    public Preprocessor(InputSpec spec) {
        this(spec, true);
    }

    /** @param identityPath false forces the bilinear path even for pictures of the input's size (tests, benches) */
    Preprocessor(InputSpec spec, boolean identityPath) {
        this.spec = requireNonNull(spec, "spec is null");
        this.identityPath = identityPath;
        switch (spec.type()) {
            case FLOAT32, UINT8, INT8 -> { }
            default -> throw new IllegalArgumentException("input '" + spec.name() + "': element type " + spec.type()
                    + " is not fed by PoseGate; use float32, uint8 or int8");
        }
        float[] mean = spec.mean();
        float[] std = spec.std();
        float[] pad = new float[3];
        for (int c = 0; c < 3; c++) {
            // value = (pixel * scale - mean) / std = pixel * mul + add
            mul[c] = spec.scale() / std[c];
            add[c] = -mean[c] / std[c];
            // BGR source bytes: index 0 = B, 1 = G, 2 = R
            srcChannel[c] = spec.colorOrder() == InputSpec.ColorOrder.BGR ? c : 2 - c;
            pad[c] = spec.padValue() * mul[c] + add[c];
        }
        this.rows = new TensorRows(spec, pad);
        this.copy = new CopyRows(mul, add, srcChannel, rows);
    }

    public InputSpec spec() {
        return spec;
    }

    /** A new direct tensor of the spec's name, type and shape, for {@link #preprocess}. */
    public Tensor allocateInput() {
        return Tensor.allocate(spec.name(), spec.type(), spec.shape());
    }

    /**
     * True when a {@code width x height} picture goes into the input without resampling (the identity
     * path): the size that {@link #preprocess} needs no scaling for, possibly with letterbox padding.
     */
    public boolean copiesWithoutResampling(int width, int height) {
        prepare(width, height);
        return identity;
    }

    /**
     * Writes {@code frame} into {@code out} (the spec's type and shape) and returns the placement used,
     * for mapping keypoints back.
     *
     * @throws IllegalArgumentException if {@code out} does not have the spec's type and shape
     */
    public InputTransform preprocess(VideoFrame frame, Tensor out) {
        if (out != boundTo) {
            if (out.type() != spec.type() || !Arrays.equals(out.shape(), spec.shape())) {
                throw new IllegalArgumentException("input tensor " + out + " is not " + spec.type() + Arrays.toString(spec.shape()));
            }
            rows.bind(out);
            boundTo = out;
        }
        prepare(frame.width(), frame.height());
        rows.pad(left, top, innerW, innerH, spec.height());
        if (identity) {
            copy.write(frame.bgr(), innerW, innerH, rows, left, top);
        } else {
            bilinear.write(frame.bgr(), frame.width(), rows, left, top, mul, add, srcChannel);
        }
        return transform;
    }

    private void prepare(int srcW, int srcH) {
        if (srcW == cachedW && srcH == cachedH) {
            return;
        }
        transform = InputTransform.of(spec.resize(), srcW, srcH, spec.width(), spec.height());
        left = Math.round(transform.padX());
        top = Math.round(transform.padY());
        innerW = Math.min(spec.width() - left, Math.round(srcW * transform.scaleX()));
        innerH = Math.min(spec.height() - top, Math.round(srcH * transform.scaleY()));
        identity = identityPath && transform.scaleX() == 1f && transform.scaleY() == 1f && innerW == srcW && innerH == srcH;
        bilinear.prepare(srcW, srcH, transform.scaleX(), transform.scaleY(), innerW, innerH);
        cachedW = srcW;
        cachedH = srcH;
    }
}
