package io.posegate.gateway.ingest.jpeg;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Decodes one in-memory JPEG with ImageIO (no disk cache). Thread-safe. */
public final class JpegDecoder {
    static {
        ImageIO.setUseCache(false);
    }

    private JpegDecoder() {
    }

    /** The picture (colour JPEGs come back as {@code TYPE_3BYTE_BGR}), or null when the bytes do not decode. */
    public static BufferedImage decode(byte[] data, int length) {
        try {
            return ImageIO.read(new ByteArrayInputStream(data, 0, length));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
