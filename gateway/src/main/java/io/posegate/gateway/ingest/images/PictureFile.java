package io.posegate.gateway.ingest.images;

import io.posegate.gateway.ingest.PictureLimit;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads one picture file with ImageIO, but only after its header's width and height passed a
 * {@link PictureLimit}, so an oversized file is refused before its pixels are allocated.
 */
final class PictureFile {
    private PictureFile() {
    }

    /**
     * @throws IOException naming the file: when it cannot be read, is no picture ImageIO knows, does not
     *                     decode, or declares a size outside {@code limit} (the message then gives the size)
     */
    static BufferedImage read(Path file, PictureLimit limit) throws IOException {
        String what = "images: '" + file.getFileName() + "'";
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException(what + " cannot be opened");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException(what + " is not a picture ImageIO can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                limit.check(what, reader.getWidth(0), reader.getHeight(0));
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }
}
