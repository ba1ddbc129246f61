package io.posegate.gateway.http;

import io.posegate.gateway.ingest.VideoFrame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes BGR {@link VideoFrame}s to JPEG with the JDK's ImageIO writer. Reuses its picture and output
 * buffer between frames of the same size. Not thread-safe: one per MJPEG connection, used on a worker
 * thread (encoding takes milliseconds and must never run on an event loop).
 */
public final class JpegEncoder implements AutoCloseable {
    private final ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    private final ImageWriteParam param = writer.getDefaultWriteParam();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    private BufferedImage image;

    public JpegEncoder(float quality) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
    }

    public byte[] encode(VideoFrame frame) {
        int w = frame.width();
        int h = frame.height();
        if (image == null || image.getWidth() != w || image.getHeight() != h) {
            image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        }
        byte[] dst = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(frame.bgr(), 0, dst, 0, w * h * 3);
        out.reset();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding of a " + w + "x" + h + " frame failed", e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        writer.dispose();
    }
}
