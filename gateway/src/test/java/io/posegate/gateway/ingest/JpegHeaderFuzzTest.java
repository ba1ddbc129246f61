package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.posegate.gateway.ingest.jpeg.JpegHeader;

/**
 * Fuzzes the JPEG header reader that guards webcam frames. Invariants: any bytes give a header or an
 * {@link IllegalArgumentException}, never another exception or an endless loop; dimensions are 16-bit;
 * a header read from a prefix of the bytes is the header of the whole. Seeds (real JPEG heads and
 * broken ones): {@code JpegHeaderFuzzTestInputs/jpegHeader/}.
 */
class JpegHeaderFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void jpegHeader(byte[] data) {
        JpegHeader whole = read(data, data.length);
        if (whole != null) {
            assertTrue(whole.width() >= 0 && whole.width() <= 0xFFFF && whole.height() >= 0 && whole.height() <= 0xFFFF, whole.toString());
        }
        JpegHeader prefix = read(data, data.length / 2);
        if (prefix != null) {
            assertEquals(prefix, whole, "a prefix and the whole disagree");
        }
    }

    private static JpegHeader read(byte[] data, int length) {
        try {
            return JpegHeader.read(data, length);
        } catch (IllegalArgumentException refused) {
            return null;
        }
    }
}
