package io.posegate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.NpyWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's .npy reader, on files written as NumPy writes them ({@link NpyWriter}, grouping's test-jar) and on broken ones. */
class NpyTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAndDropsTheBatchDimension() throws IOException {
        float[] values = new float[2 * 3 * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5f - 3;
        }
        Path f = dir.resolve("m.npy");
        NpyWriter.write(f, new int[] {1, 2, 3, 4}, values);
        byte[] bytes = Files.readAllBytes(f);
        assertEquals(0, (bytes.length - values.length * 4) % 64, "header padded to 64 bytes as NumPy does");
        Npy.Array a = Npy.read(f);
        assertArrayEquals(new int[] {1, 2, 3, 4}, a.shape());
        assertArrayEquals(values, a.values());
        FeatureMap m = a.toFeatureMap("heatmaps");
        assertEquals(2, m.channels());
        assertEquals(3, m.height());
        assertEquals(values[(1 * 3 + 2) * 4 + 3], m.get(1, 2, 3));
    }

    @Test
    void readsFloat64AndVersion2Headers() throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
        String header = dict + " ".repeat(64 - (12 + dict.length() + 1) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(12 + header.length() + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1)).putDouble(1.5).putDouble(-2.25);
        Path f = dir.resolve("d.npy");
        Files.write(f, b.array());
        Npy.Array a = Npy.read(f);
        assertArrayEquals(new float[] {1.5f, -2.25f}, a.values());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.toFeatureMap("pafs"));
        assertTrue(e.getMessage().startsWith("pafs must have shape"), e.getMessage());
    }

    @Test
    void namesTheFileAndTheProblem() throws IOException {
        Path text = dir.resolve("t.npy");
        Files.writeString(text, "hello world, not numpy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npy.read(text));
        assertTrue(e.getMessage().contains("t.npy") && e.getMessage().contains("magic"), e.getMessage());

        Path ints = dir.resolve("i.npy");
        NpyWriter.write(ints, new int[] {2}, new float[] {1, 2});
        byte[] bytes = Files.readAllBytes(ints);
        String s = new String(bytes, StandardCharsets.ISO_8859_1).replace("<f4", "<i4");
        Files.write(ints, s.getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(IllegalArgumentException.class, () -> Npy.read(ints));
        assertTrue(e.getMessage().contains("i.npy") && e.getMessage().contains("'<i4'"), e.getMessage());

        Path shortData = dir.resolve("s.npy");
        NpyWriter.write(shortData, new int[] {3}, new float[] {1, 2, 3});
        Files.write(shortData, java.util.Arrays.copyOf(Files.readAllBytes(shortData), (int) Files.size(shortData) - 4));
        e = assertThrows(IllegalArgumentException.class, () -> Npy.read(shortData));
        assertTrue(e.getMessage().contains("needs 12 bytes"), e.getMessage());
    }
}
