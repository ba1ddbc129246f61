package io.posegate.gateway.ingest.ffmpeg;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.FrameRateCap;
import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.Pacing;
import io.posegate.gateway.ingest.SourceUri;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.VideoFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Files, network cameras and USB cameras decoded by FFmpeg (JavaCV's {@link FFmpegFrameGrabber}) straight
 * to packed BGR at the stream's target size (FFmpeg's swscale does the conversion and scaling).
 *
 * <p>Decode time is this thread's CPU time for the frame, so waiting for a camera is not counted; FFmpeg
 * decodes on this thread unless the {@code threads} option asks for more. A {@link #close()} from another
 * thread while a read is blocked does not free native memory under it: it marks the source closed and the
 * reading thread releases the grabber when FFmpeg returns, at the latest after the network timeout.
 */
public final class FfmpegSource implements FrameSource {
    private static volatile boolean logLevelSet;

    private final FfmpegInput input;
    private final TargetSize target;
    private final FrameRateCap cap;
    private final NativePacer pacer = new NativePacer();
    private final Object lock = new Object();
    private FFmpegFrameGrabber grabber;
    private boolean busy;
    private boolean closeRequested;

    public FfmpegSource(FfmpegInput input, TargetSize target, double maxFps) {
        this.input = requireNonNull(input, "input is null");
        this.target = requireNonNull(target, "target is null");
        this.cap = new FrameRateCap(maxFps);
    }

    @Override
    public String describe() {
        return input.shown();
    }

    @Override
    public void open() throws IOException {
        synchronized (lock) {
            closeRequested = false;
            release();
            busy = true;
        }
        try {
            quietLogs();
            FFmpegFrameGrabber g = new FFmpegFrameGrabber(input.url());
            if (input.format() != null) {
                g.setFormat(input.format());
            }
            input.options().forEach(g::setOption);
            g.setVideoOption("threads", Integer.toString(input.threads()));
            g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            start(g);
            int w = g.getImageWidth();
            int h = g.getImageHeight();
            g.setImageWidth(target.widthFor(w, h));
            g.setImageHeight(target.heightFor(w, h));
            synchronized (lock) {
                grabber = g;
            }
            pacer.reset();
            cap.reset();
        } finally {
            end();
        }
    }

    private void start(FFmpegFrameGrabber g) throws IOException {
        try {
            g.start();
        } catch (FFmpegFrameGrabber.Exception e) {
            safeRelease(g);
            throw new IOException(input.shown() + ": cannot open: " + SourceUri.mask(String.valueOf(e.getMessage())));
        }
        if (!g.hasVideo() || g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            safeRelease(g);
            throw new IOException(input.shown() + ": has no video stream");
        }
    }

    @Override
    public boolean read(VideoFrame into) throws IOException {
        FFmpegFrameGrabber g;
        synchronized (lock) {
            if (closeRequested || grabber == null) {
                throw new IOException(input.shown() + ": not open");
            }
            busy = true;
            g = grabber;
        }
        try {
            return next(g, into);
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new IOException(input.shown() + ": " + SourceUri.mask(String.valueOf(e.getMessage())));
        } finally {
            end();
        }
    }

    private boolean next(FFmpegFrameGrabber g, VideoFrame into) throws IOException {
        boolean restarted = false;
        while (true) {
            long cpu0 = Pacing.threadCpuNanos();
            Frame f = g.grabImage();
            if (f == null) {
                if (input.live()) {
                    throw new IOException(input.shown() + ": stream ended");
                }
                if (!input.loop() || restarted) {
                    return false;
                }
                g.setTimestamp(0L);
                pacer.reset();
                restarted = true;
                continue;
            }
            restarted = false;
            if (input.live() && !cap.admit()) {
                continue;
            }
            copy(f, into);
            double decodeMs = (Pacing.threadCpuNanos() - cpu0) / 1e6;
            if (!input.live()) {
                if (input.nativePace()) {
                    pacer.await(f.timestamp);
                }
                cap.await();
            }
            long now = System.currentTimeMillis();
            into.stamp(into.sequence(), input.live() ? now - Math.round(decodeMs) : now, decodeMs);
            return true;
        }
    }

    private static void copy(Frame f, VideoFrame into) {
        int w = f.imageWidth;
        int h = f.imageHeight;
        int row = w * 3;
        ByteBuffer src = (ByteBuffer) f.image[0];
        byte[] dst = into.reshape(w, h);
        if (f.imageStride == row) {
            src.get(0, dst, 0, row * h);
        } else {
            for (int y = 0; y < h; y++) {
                src.get(y * f.imageStride, dst, y * row, row);
            }
        }
    }

    private void end() {
        synchronized (lock) {
            busy = false;
            if (closeRequested) {
                release();
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closeRequested = true;
            if (!busy) {
                release();
            }
        }
    }

    private void release() {
        if (grabber != null) {
            safeRelease(grabber);
            grabber = null;
        }
    }

    private static void safeRelease(FFmpegFrameGrabber g) {
        try {
            g.release();
        } catch (FFmpegFrameGrabber.Exception | RuntimeException e) {
            // releasing after a failure; the original error is what matters
        }
    }

    private static void quietLogs() {
        if (!logLevelSet) {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            logLevelSet = true;
        }
    }
}
