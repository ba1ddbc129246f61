package io.posegate.gateway.ingest.ffmpeg;

import io.posegate.gateway.ingest.TargetSize;
import java.io.IOException;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Creates and starts the FFmpeg grabber of an {@link FfmpegInput}: its demuxer format and options, the
 * decoder's thread count, keyframes only for {@link DecodeMode#KEYFRAMES}, and packed BGR output at the
 * stream's {@link TargetSize}. A grabber that cannot start, or has no video, is released before the
 * error is thrown. Runs on the thread that opens the source.
 */
final class GrabberOpener {
    private static volatile boolean logLevelSet;

    private GrabberOpener() {
    }

    /** A started grabber for the input, its output size set to the target size of its video. */
    static FFmpegFrameGrabber start(FfmpegInput input, TargetSize target) throws IOException {
        quietLogs();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(input.url());
        if (input.format() != null) {
            g.setFormat(input.format());
        }
        input.options().forEach(g::setOption);
        g.setVideoOption("threads", Integer.toString(input.threads()));
        if (input.decode() == DecodeMode.KEYFRAMES) {
            g.setVideoOption("skip_frame", "nokey"); // FFmpeg's name for AVDISCARD_NONKEY
        }
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        start(input, g);
        int w = g.getImageWidth();
        int h = g.getImageHeight();
        g.setImageWidth(target.widthFor(w, h));
        g.setImageHeight(target.heightFor(w, h));
        return g;
    }

    private static void start(FfmpegInput input, FFmpegFrameGrabber g) throws IOException {
        try {
            g.start();
        } catch (FFmpegFrameGrabber.Exception e) {
            safeRelease(g);
            throw new IOException(input.shown() + ": cannot open: " + input.redactedMessage(e.getMessage()));
        }
        if (!g.hasVideo() || g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            safeRelease(g);
            throw new IOException(input.shown() + ": has no video stream");
        }
    }

    /** Releases a grabber, ignoring what releasing throws. */
    static void safeRelease(FFmpegFrameGrabber g) {
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
