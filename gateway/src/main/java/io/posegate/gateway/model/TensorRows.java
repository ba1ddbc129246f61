package io.posegate.gateway.model;

import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Writes runs of pixels into one model input tensor, a row at a time, by bulk puts from reused arrays: three
 * channel rows for {@link TensorLayout#NCHW}, one interleaved row for {@link TensorLayout#NHWC}. Values come
 * either as floats (integer element types round and clamp them) or as bytes already in the element type.
 *
 * <p>Not thread-safe: one per {@link Preprocessor}. Allocates only when constructed.
 */
final class TensorRows {
    private final boolean isFloat;
    private final boolean planar;
    private final boolean signed;
    private final int width;
    private final int plane;
    private final float[][] floatRows;
    private final byte[][] byteRows;
    private final float[] interleavedFloats;
    private final byte[] interleavedBytes;
    private final float[][] padFloats;
    private final byte[][] padBytes;
    private FloatBuffer floats;
    private ByteBuffer bytes;

    TensorRows(InputSpec spec, float[] pad) {
        this.isFloat = spec.type() == ElementType.FLOAT32;
        this.signed = spec.type() == ElementType.INT8;
        this.planar = spec.layout() == TensorLayout.NCHW;
        this.width = spec.width();
        this.plane = spec.width() * spec.height();
        this.floatRows = new float[3][width];
        this.byteRows = new byte[3][width];
        this.interleavedFloats = planar || !isFloat ? null : new float[width * 3];
        this.interleavedBytes = planar || isFloat ? null : new byte[width * 3];
        this.padFloats = new float[3][width];
        this.padBytes = new byte[3][width];
        for (int c = 0; c < 3; c++) {
            Arrays.fill(padFloats[c], pad[c]);
            Arrays.fill(padBytes[c], toByte(pad[c]));
        }
    }

    /** Writes into {@code t} from now on (the spec's type and shape, checked by the caller). */
    void bind(Tensor t) {
        floats = isFloat ? t.floats() : null;
        bytes = isFloat ? null : t.buffer();
    }

    boolean isFloat() {
        return isFloat;
    }

    /** The bound FLOAT32 tensor's view, for writers that put values one by one (null for integer types). */
    FloatBuffer floats() {
        return floats;
    }

    /** The tensor's width in pixels. */
    int width() {
        return width;
    }

    /** Elements between two channels of one pixel. */
    int channelStride() {
        return planar ? plane : 1;
    }

    /** Elements between two neighbouring pixels of a row. */
    int pixelStride() {
        return planar ? 1 : 3;
    }

    /** Row {@code c} (tensor channel order) that {@link #putFloats} reads, index 0 being the run's first pixel. */
    float[] floatRow(int c) {
        return floatRows[c];
    }

    /** Row {@code c} (tensor channel order) that {@link #putBytes} reads, holding element-type bytes. */
    byte[] byteRow(int c) {
        return byteRows[c];
    }

    /** Writes {@code n} pixels from the float rows at tensor row {@code y}, column {@code x}. */
    void putFloats(int y, int x, int n) {
        write(floatRows, byteRows, y, x, n);
    }

    /** Writes {@code n} pixels from the byte rows at tensor row {@code y}, column {@code x}. */
    void putBytes(int y, int x, int n) {
        write(null, byteRows, y, x, n);
    }

    /** Fills everything outside the {@code w x h} picture at ({@code left}, {@code top}) with the pad value. */
    void pad(int left, int top, int w, int h, int height) {
        if (w == width && h == height) {
            return;
        }
        for (int y = 0; y < height; y++) {
            if (y < top || y >= top + h) {
                write(padFloats, padBytes, y, 0, width);
            } else {
                write(padFloats, padBytes, y, 0, left);
                write(padFloats, padBytes, y, left + w, width - left - w);
            }
        }
    }

    /** Floats when {@code f} is given (converted for integer types), else the bytes in {@code b}. */
    private void write(float[][] f, byte[][] b, int y, int x, int n) {
        if (n <= 0) {
            return;
        }
        int pixel = y * width + x;
        if (isFloat) {
            if (planar) {
                for (int c = 0; c < 3; c++) {
                    floats.put(c * plane + pixel, f[c], 0, n);
                }
            } else {
                float[] row = interleavedFloats;
                for (int i = 0, o = 0; i < n; i++, o += 3) {
                    row[o] = f[0][i];
                    row[o + 1] = f[1][i];
                    row[o + 2] = f[2][i];
                }
                floats.put(pixel * 3, row, 0, n * 3);
            }
            return;
        }
        if (f != null && f != padFloats) {
            for (int c = 0; c < 3; c++) {
                toBytes(f[c], b[c], n);
            }
        }
        if (planar) {
            for (int c = 0; c < 3; c++) {
                bytes.put(c * plane + pixel, b[c], 0, n);
            }
        } else {
            byte[] row = interleavedBytes;
            for (int i = 0, o = 0; i < n; i++, o += 3) {
                row[o] = b[0][i];
                row[o + 1] = b[1][i];
                row[o + 2] = b[2][i];
            }
            bytes.put(pixel * 3, row, 0, n * 3);
        }
    }

    private void toBytes(float[] from, byte[] to, int n) {
        for (int i = 0; i < n; i++) {
            to[i] = toByte(from[i]);
        }
    }

    /** One value in the integer element type: rounded, clamped to 0..255 (UINT8) or -128..127 (INT8). */
    byte toByte(float v) {
        return signed ? (byte) Math.min(127, Math.max(-128, Math.round(v)))
                : (byte) Math.min(255, Math.max(0, Math.round(v)));
    }
}
