package io.posegate.gateway.model;

import java.nio.FloatBuffer;

/**
 * The general pre-processing path: bilinear resampling with pixel centres aligned (half-pixel offsets,
 * clamped at the edges) of a packed-BGR picture into the model's input, a row at a time, then normalised.
 * The sampling tables are computed once per source size.
 *
 * <p>Not thread-safe: one per {@link Preprocessor}.
 */
final class BilinearRows {
    private int[] x0 = new int[0];
    private int[] x1 = new int[0];
    private float[] fx = new float[0];
    private int[] y0 = new int[0];
    private int[] y1 = new int[0];
    private float[] fy = new float[0];

    /** Tables for a {@code srcW x srcH} picture scaled by ({@code scaleX}, {@code scaleY}) into {@code w x h}. */
    void prepare(int srcW, int srcH, float scaleX, float scaleY, int w, int h) {
        x0 = new int[w];
        x1 = new int[w];
        fx = new float[w];
        axis(srcW, scaleX, x0, x1, fx, 3);
        y0 = new int[h];
        y1 = new int[h];
        fy = new float[h];
        axis(srcH, scaleY, y0, y1, fy, 1);
    }

    /**
     * Resamples {@code src} (packed BGR, {@code srcW} wide) into {@code rows} at ({@code left}, {@code top});
     * value = sample * mul[c] + add[c] for tensor channel c read from source channel {@code srcChannel[c]}.
     */
    void write(byte[] src, int srcW, TensorRows rows, int left, int top, float[] mul, float[] add, int[] srcChannel) {
        if (rows.isFloat()) {
            writeFloats(src, srcW, rows, left, top, mul, add, srcChannel);
            return;
        }
        int stride = srcW * 3;
        int w = x0.length;
        float[] r0 = rows.floatRow(0);
        float[] r1 = rows.floatRow(1);
        float[] r2 = rows.floatRow(2);
        int c0 = srcChannel[0];
        int c1 = srcChannel[1];
        int c2 = srcChannel[2];
        for (int y = 0; y < y0.length; y++) {
            int row0 = y0[y] * stride;
            int row1 = y1[y] * stride;
            float wy = fy[y];
            for (int x = 0; x < w; x++) {
                int p00 = row0 + x0[x];
                int p01 = row0 + x1[x];
                int p10 = row1 + x0[x];
                int p11 = row1 + x1[x];
                float wx = fx[x];
                r0[x] = sample(src, p00, p01, p10, p11, c0, wx, wy) * mul[0] + add[0];
                r1[x] = sample(src, p00, p01, p10, p11, c1, wx, wy) * mul[1] + add[1];
                r2[x] = sample(src, p00, p01, p10, p11, c2, wx, wy) * mul[2] + add[2];
            }
            rows.putFloats(top + y, left, w);
        }
    }

    /**
     * FLOAT32: each value put straight into the tensor (no intermediate row: for floats that measured faster
     * than a row and a bulk put, PreprocessorBench).
     */
    private void writeFloats(byte[] src, int srcW, TensorRows rows, int left, int top, float[] mul, float[] add,
                             int[] srcChannel) {
        FloatBuffer out = rows.floats();
        int cs = rows.channelStride();
        int ps = rows.pixelStride();
        int dw = rows.width();
        int stride = srcW * 3;
        int w = x0.length;
        int c0 = srcChannel[0];
        int c1 = srcChannel[1];
        int c2 = srcChannel[2];
        float m0 = mul[0];
        float m1 = mul[1];
        float m2 = mul[2];
        float a0 = add[0];
        float a1 = add[1];
        float a2 = add[2];
        for (int y = 0; y < y0.length; y++) {
            int row0 = y0[y] * stride;
            int row1 = y1[y] * stride;
            float wy = fy[y];
            int base = ((top + y) * dw + left) * ps;
            for (int x = 0; x < w; x++) {
                int p00 = row0 + x0[x];
                int p01 = row0 + x1[x];
                int p10 = row1 + x0[x];
                int p11 = row1 + x1[x];
                float wx = fx[x];
                int o = base + x * ps;
                out.put(o, sample(src, p00, p01, p10, p11, c0, wx, wy) * m0 + a0);
                out.put(o + cs, sample(src, p00, p01, p10, p11, c1, wx, wy) * m1 + a1);
                out.put(o + 2 * cs, sample(src, p00, p01, p10, p11, c2, wx, wy) * m2 + a2);
            }
        }
    }

    /** Bilinear sample of one channel from four packed-BGR neighbours. */
    private static float sample(byte[] src, int p00, int p01, int p10, int p11, int c, float wx, float wy) {
        float top = (src[p00 + c] & 0xFF) + ((src[p01 + c] & 0xFF) - (src[p00 + c] & 0xFF)) * wx;
        float bottom = (src[p10 + c] & 0xFF) + ((src[p11 + c] & 0xFF) - (src[p10 + c] & 0xFF)) * wx;
        return top + (bottom - top) * wy;
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
