package io.posegate.gateway.ingest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/** Test media made inside the tests: videos encoded with FFmpegFrameRecorder, JPEGs and PNGs. */
final class TestMedia {
    private TestMedia() {
    }

    /** The solid colour of frame {@code i} in the test videos, as {B, G, R}. */
    static int[] bgrOf(int i) {
        return new int[] {(i * 37) % 200 + 30, 128, 230 - (i * 37) % 200};
    }

    /** Encodes {@code frames} solid-colour frames (colour {@link #bgrOf}) as H.264 in MP4. */
    static Path encodeVideo(Path file, int width, int height, int frames, double fps) {
        return encodeVideo(file, "mp4", width, height, frames, fps);
    }

    /** Encodes {@code frames} solid-colour frames (colour {@link #bgrOf}) as H.264 in the given container. */
    static Path encodeVideo(Path file, String container, int width, int height, int frames, double fps) {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toString(), width, height)) {
            rec.setFormat(container);
            rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(fps);
            rec.setVideoBitrate(2_000_000);
            rec.start();
            Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
            ByteBuffer buf = (ByteBuffer) frame.image[0];
            for (int i = 0; i < frames; i++) {
                int[] bgr = bgrOf(i);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int at = y * frame.imageStride + x * 3;
                        buf.put(at, (byte) bgr[0]).put(at + 1, (byte) bgr[1]).put(at + 2, (byte) bgr[2]);
                    }
                }
                rec.record(frame, avutil.AV_PIX_FMT_BGR24);
            }
            rec.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static BufferedImage solid(int width, int height, Color color) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return img;
    }

    static byte[] jpeg(int width, int height, Color color) {
        return encode(solid(width, height, color), "jpg");
    }

    static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The mean {B, G, R} of a frame's pixels. */
    static double[] meanBgr(VideoFrame f) {
        double[] sum = new double[3];
        byte[] px = f.bgr();
        int n = f.width() * f.height();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                sum[c] += px[i * 3 + c] & 0xFF;
            }
        }
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    /** True if every channel of the frame's mean colour is within {@code tolerance} of {@code bgr}. */
    static boolean close(VideoFrame f, int[] bgr, double tolerance) {
        double[] m = meanBgr(f);
        for (int c = 0; c < 3; c++) {
            if (Math.abs(m[c] - bgr[c]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    static String describe(VideoFrame f) {
        double[] m = meanBgr(f);
        return String.format("%dx%d mean BGR (%.1f, %.1f, %.1f)", f.width(), f.height(), m[0], m[1], m[2]);
    }
}
