package io.posegate.gateway.ingest.ffmpeg;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.DecodeSize;
import io.posegate.gateway.ingest.FrameRateCap;
import io.posegate.gateway.ingest.FrameSink;
import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.Pacing;
import io.posegate.gateway.ingest.PreviewTap;
import io.posegate.gateway.ingest.SourceUri;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.VideoFrame;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Files, network cameras and USB cameras decoded by FFmpeg (JavaCV's {@link FFmpegFrameGrabber}) and
 * converted by FFmpeg's swscale, in one pass, to packed BGR at the size the sink asks for (the model's
 * pre-processing size when that is smaller than the stream's target size).
 *
 * <p>Nothing is converted only to be dropped. A file read with {@code pace=fast} decodes on demand: the
 * next frame is decoded once the sink's last frame has been taken. Live inputs (and files at their native
 * pace, which must keep time) decode every packet, but a frame that the frame-rate cap refuses or that
 * would land on a frame no worker has taken yet is skipped before colour conversion and scaling. While
 * frames would be dropped, the decoder may also leave some undecoded, as the input's {@link DecodeMode}
 * allows ({@link DecoderDiscard}). Previews
 * (the MJPEG view) are converted separately, at their own size, only while someone watches.
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
    private final DecoderDiscard discard;
    private final Object lock = new Object();
    private final BgrScaler scaler;
    private final BgrScaler previewScaler = new BgrScaler(org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR);
    private volatile FrameSink sink = NO_SINK;
    private FFmpegFrameGrabber grabber;
    private boolean busy;
    private boolean closeRequested;
    private volatile long decoded;
    private volatile long converted;
    private volatile long positionMicros = Long.MIN_VALUE;

    public FfmpegSource(FfmpegInput input, TargetSize target, double maxFps) {
        this.input = requireNonNull(input, "input is null");
        this.target = requireNonNull(target, "target is null");
        this.cap = new FrameRateCap(maxFps);
        this.discard = new DecoderDiscard(input.decode());
        this.scaler = new BgrScaler(org.bytedeco.ffmpeg.global.swscale.SWS_FAST_BILINEAR, input.scale());
    }

    @Override
    public String describe() {
        return input.shown();
    }

    @Override
    public void attach(FrameSink frameSink) {
        this.sink = requireNonNull(frameSink, "frameSink is null");
    }

    /** True for a file read with {@code pace=fast}: frames are decoded only when the sink wants one. */
    public boolean onDemand() {
        return !input.live() && !input.nativePace();
    }

    /** Pictures decoded since creation, kept or not. Readable from any thread. */
    public long framesDecoded() {
        return decoded;
    }

    /** The open decoder's thread count as FFmpeg applied it, or -1 when not open or not reachable. */
    int decoderThreads() {
        synchronized (lock) {
            return grabber == null ? -1 : DecoderDiscard.threadsOf(grabber);
        }
    }

    /** True while the {@code fast} decode mode has the deblocking filter switched off. Source thread only. */
    boolean deblockingSkipped() {
        return discard.deblockingSkipped();
    }

    /** The timestamp (microseconds) of the picture decoded last, Long.MIN_VALUE before the first. Readable from any thread. */
    public long positionMicros() {
        return positionMicros;
    }

    /** Pictures converted through the planar first pass ({@link ScaleMode#PLANAR}) so far. Source thread only. */
    long framesScaledPlanar() {
        return scaler.planarPasses();
    }

    /** Pictures converted to BGR (colour conversion and scaling) since creation. Readable from any thread. */
    public long framesConverted() {
        return converted;
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
            if (input.decode() == DecodeMode.KEYFRAMES) {
                g.setVideoOption("skip_frame", "nokey"); // FFmpeg's name for AVDISCARD_NONKEY
            }
            g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            start(g);
            int w = g.getImageWidth();
            int h = g.getImageHeight();
            g.setImageWidth(target.widthFor(w, h));
            g.setImageHeight(target.heightFor(w, h));
            synchronized (lock) {
                grabber = g;
            }
            discard.attach(g);
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
        boolean dropsLate = input.live() || input.nativePace();
        if (onDemand()) {
            awaitDemand();
        }
        while (true) {
            long cpu0 = Pacing.threadCpuNanos();
            if (dropsLate) {
                discard.beforeGrab(sink.full() || (input.live() && cap.wouldRefuse()));
            }
            Frame f = DecodedPicture.available() ? g.grabFrame(false, true, false, false, false) : g.grabImage();
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
            decoded++;
            positionMicros = f.timestamp;
            restarted = false;
            preview(g);
            if (input.live() && !cap.admit()) {
                discard.decoded(true);
                skip();
                continue;
            }
            if (!input.live()) {
                if (input.nativePace()) {
                    pacer.await(f.timestamp);
                }
                cap.await();
            }
            if (dropsLate && sink.full()) {
                discard.decoded(true);
                skip();
                continue;
            }
            discard.decoded(false);
            convert(g, f, into);
            double decodeMs = (Pacing.threadCpuNanos() - cpu0) / 1e6;
            long now = System.currentTimeMillis();
            into.stamp(into.sequence(), input.live() ? now - Math.round(decodeMs) : now, decodeMs);
            return true;
        }
    }

    private void awaitDemand() throws InterruptedIOException {
        try {
            sink.awaitDemand();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(input.shown() + ": stopped while waiting for a free slot");
        }
    }

    /** Makes a preview at the preview's own size when a viewer is watching and one is due. */
    private void preview(FFmpegFrameGrabber g) {
        PreviewTap tap = sink.preview();
        if (tap == null || !DecodedPicture.available() || !tap.due()) {
            return;
        }
        AVFrame picture = DecodedPicture.of(g);
        if (picture == null) {
            return;
        }
        DecodeSize size = tap.size(target.widthFor(picture.width(), picture.height()),
                target.heightFor(picture.width(), picture.height()));
        previewScaler.convert(picture, size.width(), size.height(), tap.canvas());
        tap.publish();
    }

    private void skip() {
        sink.skipped();
    }

    private void convert(FFmpegFrameGrabber g, Frame f, VideoFrame into) throws IOException {
        AVFrame picture = DecodedPicture.available() ? DecodedPicture.of(g) : null;
        if (picture == null) {
            copy(f, into);
        } else {
            int w = target.widthFor(picture.width(), picture.height());
            int h = target.heightFor(picture.width(), picture.height());
            DecodeSize size = sink.decodeSize(w, h);
            try {
                scaler.convert(picture, size.width(), size.height(), into);
            } catch (IllegalStateException e) {
                throw new IOException(input.shown() + ": " + e.getMessage());
            }
            into.showAs(w, h);
        }
        converted++;
    }

    /** The fallback when the decoded picture is not reachable: JavaCV already converted it. */
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
        discard.detach();
        if (grabber != null) {
            safeRelease(grabber);
            grabber = null;
        }
        scaler.close();
        previewScaler.close();
    }

    private static void safeRelease(FFmpegFrameGrabber g) {
        try {
            g.release();
        } catch (FFmpegFrameGrabber.Exception | RuntimeException e) {
            // releasing after a failure; the original error is what matters
        }
    }

    private static final FrameSink NO_SINK = new FrameSink() {
        @Override
        public VideoFrame acquire() {
            throw new UnsupportedOperationException("no sink attached");
        }

        @Override
        public void publish(VideoFrame frame) {
            throw new UnsupportedOperationException("no sink attached");
        }

        @Override
        public void recycle(VideoFrame frame) {
            throw new UnsupportedOperationException("no sink attached");
        }
    };

    private static void quietLogs() {
        if (!logLevelSet) {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            logLevelSet = true;
        }
    }
}
