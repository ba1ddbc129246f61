package io.posegate.gateway.cli;

import static java.util.Objects.requireNonNull;

import io.posegate.grouping.FeatureMap;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} files of little-endian float32 (float64 is read and narrowed), C order, format
 * versions 1 to 3: the maps of {@code posegate group}. Thread-safe (no state). Tests write such files with
 * grouping's test {@code NpyWriter}.
 */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** An array read from a file: its shape and its values in C order. */
    record Array(int[] shape, float[] values) {
        /**
         * The array as a [C,H,W] map; a leading batch dimension of 1 is dropped.
         *
         * @throws IllegalArgumentException if the shape is neither [C,H,W] nor [1,C,H,W]
         */
        public FeatureMap toFeatureMap(String what) {
            int[] s = shape.length == 4 && shape[0] == 1 ? Arrays.copyOfRange(shape, 1, 4) : shape;
            if (s.length != 3) {
                throw new IllegalArgumentException(what + " must have shape [C,H,W] or [1,C,H,W], got "
                        + Arrays.toString(shape));
            }
            return new FeatureMap(FloatBuffer.wrap(values), s[0], s[1], s[2]);
        }
    }

    private Npy() {
    }

    /**
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException naming the file when it is not a float .npy this reader supports
     */
    static Array read(Path file) throws IOException {
        requireNonNull(file, "file is null");
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        if (buf.remaining() < 10 || !Arrays.equals(readInto(buf, magic), MAGIC)) {
            throw bad(file, "not a .npy file (no \\x93NUMPY magic)");
        }
        int major = buf.get() & 0xff;
        buf.get();
        int headerLength = major == 1 ? buf.getShort() & 0xffff : buf.getInt();
        if (major < 1 || major > 3 || headerLength < 0 || headerLength > buf.remaining()) {
            throw bad(file, "unsupported .npy version " + major + " or truncated header");
        }
        byte[] headerBytes = new byte[headerLength];
        buf.get(headerBytes);
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = field(DESCR, header, file, "descr");
        if ("True".equals(field(FORTRAN, header, file, "fortran_order"))) {
            throw bad(file, "Fortran-order arrays are not supported; save with numpy.ascontiguousarray");
        }
        int[] shape = shape(field(SHAPE, header, file, "shape"), file);
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        int size = switch (descr) {
            case "<f4" -> 4;
            case "<f8" -> 8;
            default -> throw bad(file, "dtype '" + descr + "' is not supported (use little-endian float32 '<f4')");
        };
        if (count * size != buf.remaining()) {
            throw bad(file, "shape " + Arrays.toString(shape) + " of " + descr + " needs " + count * size
                    + " bytes of data but the file has " + buf.remaining());
        }
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = size == 4 ? buf.getFloat() : (float) buf.getDouble();
        }
        return new Array(shape, values);
    }

    private static byte[] readInto(ByteBuffer buf, byte[] dst) {
        buf.get(dst);
        return dst;
    }

    private static String field(Pattern p, String header, Path file, String name) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw bad(file, "header has no '" + name + "': " + header.trim());
        }
        return m.group(1);
    }

    private static int[] shape(String text, Path file) {
        String[] parts = text.split(",");
        return Arrays.stream(parts).map(String::trim).filter(s -> !s.isEmpty()).mapToInt(s -> {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw bad(file, "bad shape entry '" + s + "'");
            }
        }).toArray();
    }

    private static IllegalArgumentException bad(Path file, String why) {
        return new IllegalArgumentException(file + ": " + why);
    }
}
