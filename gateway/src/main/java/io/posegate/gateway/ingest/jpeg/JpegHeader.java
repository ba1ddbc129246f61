package io.posegate.gateway.ingest.jpeg;

/**
 * A JPEG's dimensions read from its SOF header without decoding it, so that an oversized picture can
 * be refused before any pixel memory is allocated.
 */
public record JpegHeader(int width, int height) {

    /**
     * @throws IllegalArgumentException when the bytes are not a JPEG, or end before a SOF segment
     */
    public static JpegHeader read(byte[] data, int length) {
        if (length < 4 || u8(data, 0) != 0xFF || u8(data, 1) != 0xD8) {
            throw new IllegalArgumentException("not a JPEG: no SOI marker at the start");
        }
        int i = 2;
        while (i + 3 < length) {
            if (u8(data, i) != 0xFF) {
                throw new IllegalArgumentException("corrupt JPEG: expected a marker at byte " + i);
            }
            int marker = u8(data, i + 1);
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (isSof(marker)) {
                if (i + 8 >= length) {
                    break;
                }
                return new JpegHeader(u16(data, i + 7), u16(data, i + 5));
            }
            if (marker == 0xDA || marker == 0xD9) {
                throw new IllegalArgumentException("corrupt JPEG: no SOF header before the image data");
            }
            i += (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01 ? 2 : 2 + u16(data, i + 2);
        }
        throw new IllegalArgumentException("truncated JPEG: ends before its SOF header");
    }

    /** SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
    static boolean isSof(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static int u8(byte[] d, int i) {
        return d[i] & 0xFF;
    }

    private static int u16(byte[] d, int i) {
        return (u8(d, i) << 8) | u8(d, i + 1);
    }
}
