package io.posegate.backend.openvino;

import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Test input for human-pose-estimation-0001: an image stretched to W x H, planar BGR floats 0..255. */
final class HumanPoseImage {
    private HumanPoseImage() {
    }

    static Tensor load(Path file, String name, int height, int width) throws IOException {
        BufferedImage source = ImageIO.read(file.toFile());
        if (source == null) {
            throw new IOException("cannot decode " + file);
        }
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        Tensor t = Tensor.allocate(name, ElementType.FLOAT32, 1, 3, height, width);
        FloatBuffer fb = t.floats();
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = scaled.getRGB(x, y);
                int p = y * width + x;
                fb.put(p, rgb & 0xff);
                fb.put(plane + p, (rgb >> 8) & 0xff);
                fb.put(2 * plane + p, (rgb >> 16) & 0xff);
            }
        }
        return t;
    }
}
