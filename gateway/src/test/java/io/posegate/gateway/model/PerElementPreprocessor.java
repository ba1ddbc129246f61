package io.posegate.gateway.model;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.spi.Tensor;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The pre-processor as it was before rows were written in bulk and pictures of the input's size were
 * copied through tables: every value bilinear-sampled and stored through a per-element switch on the
 * element type, the whole tensor padded before the picture is written. Kept, unchanged, as the reference
 * that {@link Preprocessor} must equal bit for bit ({@code PreprocessorPathsTest}) and as the baseline of
 * {@code PreprocessorBench}.
 *
 * <p>Not thread-safe.
 */
final class PerElementPreprocessor {
    private final InputSpec spec;
    private final float[] mul = new float[3];
    private final float[] add = new float[3];
    private final int[] srcChannel = new int[3];
    private final float[] pad = new float[3];
    /** Distance in elements between channels, and between two pixels of a row, in the tensor. */
    private final int channelStride;
    private final int pixelStride;
    private final int kind;
    private Tensor viewOf;
    private FloatBuffer floats;
    private ByteBuffer bytes;
    private int cachedW = -1;
    private int cachedH = -1;
    private InputTransform transform;
    private int[] x0;
    private int[] x1;
    private float[] fx;
    private int[] y0;
    private int[] y1;
    private float[] fy;
    private int left;
    private int top;
    private int innerW;
    private int innerH;

    PerElementPreprocessor(InputSpec spec) {
        this.spec = requireNonNull(spec, "spec is null");
        float[] mean = spec.mean();
        float[] std = spec.std();
        for (int c = 0; c < 3; c++) {
            // value = (pixel * scale - mean) / std = pixel * mul + add
            mul[c] = spec.scale() / std[c];
            add[c] = -mean[c] / std[c];
            // BGR source bytes: index 0 = B, 1 = G, 2 = R
            srcChannel[c] = spec.colorOrder() == InputSpec.ColorOrder.BGR ? c : 2 - c;
            pad[c] = spec.padValue() * mul[c] + add[c];
        }
        boolean planar = spec.layout() == TensorLayout.NCHW;
        this.channelStride = planar ? spec.height() * spec.width() : 1;
        this.pixelStride = planar ? 1 : 3;
        this.kind = switch (spec.type()) {
            case FLOAT32 -> 0;
            case UINT8 -> 1;
            case INT8 -> 2;
            default -> throw new IllegalArgumentException("input '" + spec.name() + "': element type " + spec.type()
                    + " is not fed by PoseGate; use float32, uint8 or int8");
        };
    }

    public InputSpec spec() {
        return spec;
    }

    /** A new direct tensor of the spec's name, type and shape, for {@link #preprocess}. */
    public Tensor allocateInput() {
        return Tensor.allocate(spec.name(), spec.type(), spec.shape());
    }

    /**
     * Writes {@code frame} into {@code out} (the spec's type and shape) and returns the placement used,
     * for mapping keypoints back.
     *
     * @throws IllegalArgumentException if {@code out} does not have the spec's type and shape
     */
    public InputTransform preprocess(VideoFrame frame, Tensor out) {
        if (out != viewOf) {
            if (out.type() != spec.type() || !Arrays.equals(out.shape(), spec.shape())) {
                throw new IllegalArgumentException("input tensor " + out + " is not " + spec.type() + Arrays.toString(spec.shape()));
            }
            floats = kind == 0 ? out.floats() : null;
            bytes = kind == 0 ? null : out.buffer();
            viewOf = out;
        }
        prepare(frame.width(), frame.height());
        fillPadding();
        byte[] src = frame.bgr();
        int stride = frame.width() * 3;
        int r = srcChannel[0];
        int g = srcChannel[1];
        int b = srcChannel[2];
        int dw = spec.width();
        int cs = channelStride;
        int ps = pixelStride;
        for (int y = 0; y < innerH; y++) {
            int row0 = y0[y] * stride;
            int row1 = y1[y] * stride;
            float wy = fy[y];
            int base = ((top + y) * dw + left) * ps;
            for (int x = 0; x < innerW; x++) {
                int p00 = row0 + x0[x];
                int p01 = row0 + x1[x];
                int p10 = row1 + x0[x];
                int p11 = row1 + x1[x];
                float wx = fx[x];
                int o = base + x * ps;
                store(o, sample(src, p00, p01, p10, p11, r, wx, wy) * mul[0] + add[0]);
                store(o + cs, sample(src, p00, p01, p10, p11, g, wx, wy) * mul[1] + add[1]);
                store(o + 2 * cs, sample(src, p00, p01, p10, p11, b, wx, wy) * mul[2] + add[2]);
            }
        }
        return transform;
    }

    /** Writes one value at element index {@code i} in the tensor's type; integer types round and clamp. */
    private void store(int i, float v) {
        switch (kind) {
            case 0 -> floats.put(i, v);
            case 1 -> bytes.put(i, (byte) Math.min(255, Math.max(0, Math.round(v))));
            default -> bytes.put(i, (byte) Math.min(127, Math.max(-128, Math.round(v))));
        }
    }

    /** Bilinear sample of one channel from four packed-BGR neighbours. */
    private static float sample(byte[] src, int p00, int p01, int p10, int p11, int c, float wx, float wy) {
        float top = (src[p00 + c] & 0xFF) + ((src[p01 + c] & 0xFF) - (src[p00 + c] & 0xFF)) * wx;
        float bottom = (src[p10 + c] & 0xFF) + ((src[p11 + c] & 0xFF) - (src[p10 + c] & 0xFF)) * wx;
        return top + (bottom - top) * wy;
    }

    private void fillPadding() {
        if (innerW == spec.width() && innerH == spec.height()) {
            return;
        }
        int pixels = spec.width() * spec.height();
        for (int p = 0; p < pixels; p++) {
            int o = p * pixelStride;
            store(o, pad[0]);
            store(o + channelStride, pad[1]);
            store(o + 2 * channelStride, pad[2]);
        }
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
        x0 = new int[innerW];
        x1 = new int[innerW];
        fx = new float[innerW];
        axis(srcW, transform.scaleX(), x0, x1, fx, 3);
        y0 = new int[innerH];
        y1 = new int[innerH];
        fy = new float[innerH];
        axis(srcH, transform.scaleY(), y0, y1, fy, 1);
        cachedW = srcW;
        cachedH = srcH;
    }

    /** Source sample positions for each destination index, with half-pixel centres, clamped at the edges. */
    private static void axis(int srcSize, float scale, int[] i0, int[] i1, float[] f, int step) {
        for (int i = 0; i < i0.length; i++) {
            float s = (i + 0.5f) / scale - 0.5f;
            if (s < 0) {
                s = 0;
            }
            int a = (int) s;
            if (a > srcSize - 1) {
                a = srcSize - 1;
            }
            int b = Math.min(a + 1, srcSize - 1);
            f[i] = s - a;
            i0[i] = a * step;
            i1[i] = b * step;
        }
    }
}
