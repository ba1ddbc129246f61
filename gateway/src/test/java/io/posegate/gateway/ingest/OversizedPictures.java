package io.posegate.gateway.ingest;

import java.awt.Color;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Small files whose headers declare huge pictures: a decoder that trusted the header would try to allocate
 * the pixels (gigabytes) before noticing the data is missing.
 */
final class OversizedPictures {
    private static final int PNG_IHDR_TYPE = 12;
    private static final int PNG_IHDR_DATA = 16;
    private static final int PNG_IHDR_CRC = 29;

    private OversizedPictures() {
    }

    /** A valid 4x4 PNG whose IHDR chunk (with a correct CRC) says {@code width x height}. */
    static byte[] png(int width, int height) {
        byte[] png = TestMedia.encode(TestMedia.solid(4, 4, Color.GRAY), "png");
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(PNG_IHDR_DATA, width);
        b.putInt(PNG_IHDR_DATA + 4, height);
        CRC32 crc = new CRC32();
        crc.update(png, PNG_IHDR_TYPE, 4 + 13);
        b.putInt(PNG_IHDR_CRC, (int) crc.getValue());
        return png;
    }

    /** A 16x16 JPEG whose SOF header says {@code width x height}. */
    static byte[] jpeg(int width, int height) {
        byte[] jpeg = TestMedia.jpeg(16, 16, Color.GRAY);
        for (int i = 2; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                ByteBuffer.wrap(jpeg).putShort(i + 5, (short) height).putShort(i + 7, (short) width);
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF0 marker in the test JPEG");
    }
}
