package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.jpeg.JpegHeader;
import io.posegate.gateway.ingest.jpeg.JpegStreamReader;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** SOF header parsing and MJPEG stream splitting, on JPEGs written by ImageIO. */
class JpegStreamTest {

    @Test
    void headerGivesDimensionsWithoutDecoding() {
        byte[] jpeg = TestMedia.jpeg(123, 45, Color.ORANGE);
        assertEquals(new JpegHeader(123, 45), JpegHeader.read(jpeg, jpeg.length));
    }

    @Test
    void headerRejectsNonJpegAndTruncatedData() {
        byte[] png = TestMedia.encode(TestMedia.solid(8, 8, Color.RED), "png");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JpegHeader.read(png, png.length))
                .getMessage().contains("no SOI"));
        byte[] jpeg = TestMedia.jpeg(64, 64, Color.RED);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JpegHeader.read(jpeg, 6))
                .getMessage().contains("truncated"));
    }

    @Test
    void splitsConcatenatedJpegsSkippingJunkAndFalseEoiInAppSegment() throws Exception {
        byte[] a = TestMedia.jpeg(32, 16, Color.RED);
        byte[] b = withAppSegmentHoldingEoi(TestMedia.jpeg(16, 32, Color.BLUE));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(new byte[] {1, 2, 3, (byte) 0xFF});
        stream.write(a);
        stream.write(b);
        stream.write(a);
        JpegStreamReader reader = new JpegStreamReader(new ByteArrayInputStream(stream.toByteArray()), 1 << 20);
        for (byte[] expected : new byte[][] {a, b, a}) {
            int n = reader.next();
            assertArrayEquals(expected, Arrays.copyOf(reader.buffer(), n));
        }
        assertEquals(-1, reader.next());
    }

    @Test
    void streamEndingInsideAPictureIsAnError() {
        byte[] a = TestMedia.jpeg(32, 16, Color.RED);
        JpegStreamReader reader = new JpegStreamReader(new ByteArrayInputStream(Arrays.copyOf(a, a.length / 2)), 1 << 20);
        assertThrows(EOFException.class, reader::next);
    }

    @Test
    void pictureOverTheLimitIsAnError() {
        byte[] a = TestMedia.jpeg(256, 256, Color.RED);
        JpegStreamReader reader = new JpegStreamReader(new ByteArrayInputStream(a), 100);
        assertTrue(assertThrows(java.io.IOException.class, reader::next).getMessage().contains("limit of 100 bytes"));
    }

    /** Inserts an APP1 segment whose payload contains FF D9, as an EXIF thumbnail would. */
    static byte[] withAppSegmentHoldingEoi(byte[] jpeg) {
        byte[] payload = {'E', 'x', 'i', 'f', 0, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        byte[] out = new byte[jpeg.length + 4 + payload.length];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xE1;
        out[4] = 0;
        out[5] = (byte) (payload.length + 2);
        System.arraycopy(payload, 0, out, 6, payload.length);
        System.arraycopy(jpeg, 2, out, 6 + payload.length, jpeg.length - 2);
        return out;
    }
}
