package io.posegate.grouping;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes NumPy {@code .npy} files (little-endian float32, C order, version 1.0) for tests: maps handed to
 * Python parity scripts and to {@code posegate group} (shipped to the gateway's tests in the test-jar).
 */
public final class NpyWriter {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private NpyWriter() {
    }

    /** Writes {@code m} as a [1,C,H,W] array. */
    public static void write(FeatureMap m, Path file) throws IOException {
        float[] values = new float[m.channels() * m.height() * m.width()];
        m.data().get(0, values);
        write(file, new int[] {1, m.channels(), m.height(), m.width()}, values);
    }

    /** Writes {@code values} (C order) with {@code shape}; the header is padded to 64 bytes as NumPy does. */
    public static void write(Path file, int[] shape, float[] values) throws IOException {
        requireNonNull(file, "file is null");
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': ("
                + (shape.length == 1 ? dims.substring(0, dims.length() - 1) : dims.toString().replaceAll(", $", ""))
                + "), }";
        int unpadded = MAGIC.length + 4 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + 4 * values.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (float v : values) {
            buf.putFloat(v);
        }
        Files.write(file, buf.array());
    }
}
