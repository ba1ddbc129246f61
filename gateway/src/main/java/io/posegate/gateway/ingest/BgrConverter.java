package io.posegate.gateway.ingest;

import static java.util.Objects.requireNonNull;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Copies a decoded {@link BufferedImage} into a {@link VideoFrame} as packed BGR, scaling to the stream's
 * {@link TargetSize} (bilinear). A plain {@code TYPE_3BYTE_BGR} image of the right size (what ImageIO's
 * JPEG reader returns) is copied with one arraycopy; anything else is drawn into a reused canvas.
 * One instance per source thread.
 */
public final class BgrConverter {
    private final TargetSize target;
    private BufferedImage canvas;

    public BgrConverter(TargetSize target) {
        this.target = requireNonNull(target, "target is null");
    }

    public void convert(BufferedImage image, VideoFrame into) {
        int w = target.widthFor(image.getWidth(), image.getHeight());
        int h = target.heightFor(image.getWidth(), image.getHeight());
        byte[] dst = into.reshape(w, h);
        if (isPlainBgr(image, w, h)) {
            byte[] src = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            System.arraycopy(src, 0, dst, 0, w * h * 3);
            return;
        }
        if (canvas == null || canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        }
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        System.arraycopy(((DataBufferByte) canvas.getRaster().getDataBuffer()).getData(), 0, dst, 0, w * h * 3);
    }

    private static boolean isPlainBgr(BufferedImage image, int w, int h) {
        return image.getType() == BufferedImage.TYPE_3BYTE_BGR && image.getWidth() == w && image.getHeight() == h
                && image.getRaster().getParent() == null
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0;
    }

    /** The backing array of a {@code TYPE_3BYTE_BGR} image: packed BGR, width*height*3 bytes. */
    public static byte[] pixels(BufferedImage bgrImage) {
        if (bgrImage.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("not a TYPE_3BYTE_BGR image: type " + bgrImage.getType());
        }
        return ((DataBufferByte) bgrImage.getRaster().getDataBuffer()).getData();
    }
}
