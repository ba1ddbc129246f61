package io.posegate.gateway.model;

/**
 * The identity-resize pre-processing path, for pictures that already have the size the model's input
 * needs (FFmpeg scales to it while decoding): no resampling, each byte goes through a 256-entry table per
 * channel that holds {@code value * mul[c] + add[c]} in the tensor's element type, computed once. The
 * tables hold exactly what the bilinear path computes for a sample that falls on a pixel centre, so both
 * paths write the same tensor.
 *
 * <p>Not thread-safe: one per {@link Preprocessor}.
 */
final class CopyRows {
    private final float[][] floatTable = new float[3][256];
    private final byte[][] byteTable = new byte[3][256];
    private final int[] srcChannel;

    CopyRows(float[] mul, float[] add, int[] srcChannel, TensorRows rows) {
        this.srcChannel = srcChannel.clone();
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                float value = (float) v * mul[c] + add[c];
                floatTable[c][v] = value;
                byteTable[c][v] = rows.toByte(value);
            }
        }
    }

    /** Writes the {@code w x h} packed-BGR picture {@code src} into {@code rows} at ({@code left}, {@code top}). */
    void write(byte[] src, int w, int h, TensorRows rows, int left, int top) {
        int c0 = srcChannel[0];
        int c1 = srcChannel[1];
        int c2 = srcChannel[2];
        int stride = w * 3;
        if (rows.isFloat()) {
            float[] t0 = floatTable[0];
            float[] t1 = floatTable[1];
            float[] t2 = floatTable[2];
            float[] r0 = rows.floatRow(0);
            float[] r1 = rows.floatRow(1);
            float[] r2 = rows.floatRow(2);
            for (int y = 0; y < h; y++) {
                for (int x = 0, p = y * stride; x < w; x++, p += 3) {
                    r0[x] = t0[src[p + c0] & 0xFF];
                    r1[x] = t1[src[p + c1] & 0xFF];
                    r2[x] = t2[src[p + c2] & 0xFF];
                }
                rows.putFloats(top + y, left, w);
            }
            return;
        }
        byte[] t0 = byteTable[0];
        byte[] t1 = byteTable[1];
        byte[] t2 = byteTable[2];
        byte[] r0 = rows.byteRow(0);
        byte[] r1 = rows.byteRow(1);
        byte[] r2 = rows.byteRow(2);
        for (int y = 0; y < h; y++) {
            for (int x = 0, p = y * stride; x < w; x++, p += 3) {
                r0[x] = t0[src[p + c0] & 0xFF];
                r1[x] = t1[src[p + c1] & 0xFF];
                r2[x] = t2[src[p + c2] & 0xFF];
            }
            rows.putBytes(top + y, left, w);
        }
    }
}
