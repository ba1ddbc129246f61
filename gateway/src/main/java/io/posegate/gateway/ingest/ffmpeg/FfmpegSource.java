package io.posegate.gateway.ingest.ffmpeg;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.FrameRateCap;
import io.posegate.gateway.ingest.FrameSink;
import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.VideoFrame;
import java.io.IOException;
import org.bytedeco.javacv.FFmpegFrameGrabber;

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
 *
 * <p>The parts: {@link GrabberOpener} starts the grabber, {@link DecodeLoop} reads until a frame is kept,
 * {@link FrameConverter} converts kept frames and previews, {@link GuardedGrabber} decides which thread
 * releases the grabber.
 */
public final class FfmpegSource implements FrameSource {
    private final FfmpegInput input;
    private final TargetSize target;
    private final DecoderDiscard discard;
    private final FrameConverter converter;
    private final DecodeLoop loop;
    private final GuardedGrabber guarded;

    public FfmpegSource(FfmpegInput input, TargetSize target, double maxFps) {
        this.input = requireNonNull(input, "input is null");
        this.target = requireNonNull(target, "target is null");
        FrameRateCap cap = new FrameRateCap(maxFps);
        this.discard = new DecoderDiscard(input.decode());
        this.converter = new FrameConverter(input, target);
        this.loop = new DecodeLoop(input, cap, discard, converter);
        this.guarded = new GuardedGrabber(input, discard, converter);
    }

    @Override
    public String describe() {
        return input.shown();
    }

    @Override
    public void attach(FrameSink frameSink) {
        loop.attach(requireNonNull(frameSink, "frameSink is null"));
    }

    /** True for a file read with {@code pace=fast}: frames are decoded only when the sink wants one. */
    public boolean onDemand() {
        return loop.onDemand();
    }

    /** Pictures decoded since creation, kept or not. Readable from any thread. */
    public long framesDecoded() {
        return loop.decoded();
    }

    /** The open decoder's thread count as FFmpeg applied it, or -1 when not open or not reachable. */
    int decoderThreads() {
        return guarded.decoderThreads();
    }

    /** True while the {@code fast} decode mode has the deblocking filter switched off. Source thread only. */
    boolean deblockingSkipped() {
        return discard.deblockingSkipped();
    }

    /** The timestamp (microseconds) of the picture decoded last, Long.MIN_VALUE before the first. Readable from any thread. */
    public long positionMicros() {
        return loop.positionMicros();
    }

    /** Pictures converted through the planar first pass ({@link ScaleMode#PLANAR}) so far. Source thread only. */
    long framesScaledPlanar() {
        return converter.planarPasses();
    }

    /** Pictures converted to BGR (colour conversion and scaling) since creation. Readable from any thread. */
    public long framesConverted() {
        return converter.converted();
    }

    @Override
    public void open() throws IOException {
        guarded.beginOpen();
        try {
            FFmpegFrameGrabber g = GrabberOpener.start(input, target);
            guarded.opened(g);
            loop.restart(g);
        } finally {
            guarded.end();
        }
    }

    @Override
    public boolean read(VideoFrame into) throws IOException {
        FFmpegFrameGrabber g = guarded.beginRead();
        try {
            return loop.next(g, into);
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new IOException(input.shown() + ": " + input.redactedMessage(e.getMessage()));
        } finally {
            guarded.end();
        }
    }

    @Override
    public void close() {
        guarded.close();
    }
}
