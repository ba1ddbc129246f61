package io.posegate.gateway.model;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.spi.Tensor;
import java.util.Arrays;

/**
 * The one pre-processing step every backend shares: bilinear resize (stretch or letterbox, pixel
 * centres aligned), colour order, normalisation, and NCHW float32 layout. The planes are computed in
 * a reused heap array (plain array indexing, no per-element buffer checks) and copied into the reused
 * direct tensor in one bulk put. Resampling tables are computed once per source size.
 *
 * <p>Not thread-safe: one instance per inference worker.
 */
public final class Preprocessor {
    private final InputSpec spec;
    private final float[] mul = new float[3];
    private final float[] add = new float[3];
    private final int[] srcChannel = new int[3];
    private float[] scratch = new float[0];
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

    public Preprocessor(InputSpec spec) {
        this.spec = requireNonNull(spec, "spec is null");
        float[] mean = spec.mean();
        float[] std = spec.std();
        for (int c = 0; c < 3; c++) {
            // value = (pixel * scale - mean) / std = pixel * mul + add
            mul[c] = spec.scale() / std[c];
            add[c] = -mean[c] / std[c];
            // BGR source bytes: index 0 = B, 1 = G, 2 = R
            srcChannel[c] = spec.colorOrder() == InputSpec.ColorOrder.BGR ? c : 2 - c;
        }
    }

    public InputSpec spec() {
        return spec;
    }

    /**
     * Writes {@code frame} into {@code out} ([1,3,H,W] float32 as the spec says) and returns the
     * placement used, for mapping keypoints back.
     *
     * @throws IllegalArgumentException if {@code out} does not have the spec's shape
     */
    public InputTransform preprocess(VideoFrame frame, Tensor out) {
        if (!Arrays.equals(out.shape(), spec.shape())) {
            throw new IllegalArgumentException("input tensor " + out + " does not have shape " + Arrays.toString(spec.shape()));
        }
        prepare(frame.width(), frame.height());
        int dw = spec.width();
        int plane = dw * spec.height();
        if (scratch.length != 3 * plane) {
            scratch = new float[3 * plane];
        }
        float[] dst = scratch;
        fillPadding(dst, plane);
        byte[] src = frame.bgr();
        int stride = frame.width() * 3;
        int r = srcChannel[0];
        int g = srcChannel[1];
        int b = srcChannel[2];
        float m0 = mul[0];
        float m1 = mul[1];
        float m2 = mul[2];
        float a0 = add[0];
        float a1 = add[1];
        float a2 = add[2];
        for (int y = 0; y < innerH; y++) {
            int row0 = y0[y] * stride;
            int row1 = y1[y] * stride;
            float wy = fy[y];
            int base = (top + y) * dw + left;
            for (int x = 0; x < innerW; x++) {
                int p00 = row0 + x0[x];
                int p01 = row0 + x1[x];
                int p10 = row1 + x0[x];
                int p11 = row1 + x1[x];
                float wx = fx[x];
                int o = base + x;
                dst[o] = sample(src, p00, p01, p10, p11, r, wx, wy) * m0 + a0;
                dst[plane + o] = sample(src, p00, p01, p10, p11, g, wx, wy) * m1 + a1;
                dst[2 * plane + o] = sample(src, p00, p01, p10, p11, b, wx, wy) * m2 + a2;
            }
        }
        out.floats().put(dst, 0, 3 * plane);
        return transform;
    }

    /** Bilinear sample of one channel from four packed-BGR neighbours. */
    private static float sample(byte[] src, int p00, int p01, int p10, int p11, int c, float wx, float wy) {
        float top = (src[p00 + c] & 0xFF) + ((src[p01 + c] & 0xFF) - (src[p00 + c] & 0xFF)) * wx;
        float bottom = (src[p10 + c] & 0xFF) + ((src[p11 + c] & 0xFF) - (src[p10 + c] & 0xFF)) * wx;
        return top + (bottom - top) * wy;
    }

    private void fillPadding(float[] dst, int plane) {
        if (innerW == spec.width() && innerH == spec.height()) {
            return;
        }
        for (int ch = 0; ch < 3; ch++) {
            java.util.Arrays.fill(dst, ch * plane, (ch + 1) * plane, spec.padValue() * mul[ch] + add[ch]);
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
