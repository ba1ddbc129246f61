package io.posegate.gateway.ingest.ffmpeg;

import static java.util.Objects.requireNonNull;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Tells FFmpeg's video decoder, before each grab, what it may leave undecoded under a {@link DecodeMode}:
 * non-reference frames while a frame decoded now would be dropped, and, in {@link DecodeMode#FAST}, the
 * deblocking filter while the stream drops most of its frames. Works on the grabber's codec context, which
 * JavaCV keeps private; when a JavaCV version no longer has it, every frame is decoded as with
 * {@link DecodeMode#ALL} ({@link #active()} is false). Used by the source thread only.
 */
final class DecoderDiscard {
    /** Decoded frames per window over which FAST measures how many were dropped. */
    static final int WINDOW = 16;
    private static final GrabberField<AVCodecContext> CONTEXT = new GrabberField<>("video_c", AVCodecContext.class);

    private final DecodeMode mode;
    private AVCodecContext context;
    private int skipFrame;
    private int skipLoopFilter;
    private int windowDecoded;
    private int windowDropped;
    private boolean deblockOff;

    DecoderDiscard(DecodeMode mode) {
        this.mode = requireNonNull(mode, "mode is null");
    }

    /** Starts over on a freshly started grabber. */
    void attach(FFmpegFrameGrabber grabber) {
        context = mode == DecodeMode.AUTO || mode == DecodeMode.FAST ? contextOf(grabber) : null;
        skipFrame = avcodec.AVDISCARD_DEFAULT;
        skipLoopFilter = avcodec.AVDISCARD_DEFAULT;
        windowDecoded = 0;
        windowDropped = 0;
        deblockOff = false;
    }

    /** Forgets the context of a grabber that is being released. */
    void detach() {
        context = null;
    }

    /** True when frames can be discarded dynamically (AUTO or FAST, and the codec context was reachable). */
    boolean active() {
        return context != null;
    }

    /** True while FAST has deblocking switched off. */
    boolean deblockingSkipped() {
        return deblockOff;
    }

    /** @param dropping true if a frame decoded now would be dropped */
    void beforeGrab(boolean dropping) {
        if (context == null) {
            return;
        }
        int frame = dropping ? avcodec.AVDISCARD_NONREF : avcodec.AVDISCARD_DEFAULT;
        if (frame != skipFrame) {
            context.skip_frame(frame);
            skipFrame = frame;
        }
        int loop = deblockOff ? avcodec.AVDISCARD_ALL : avcodec.AVDISCARD_DEFAULT;
        if (loop != skipLoopFilter) {
            context.skip_loop_filter(loop);
            skipLoopFilter = loop;
        }
    }

    /** Counts a decoded frame; FAST switches deblocking off above half dropped, on again below a quarter. */
    void decoded(boolean dropped) {
        if (mode != DecodeMode.FAST || context == null) {
            return;
        }
        windowDecoded++;
        if (dropped) {
            windowDropped++;
        }
        if (windowDecoded == WINDOW) {
            if (windowDropped * 2 > WINDOW) {
                deblockOff = true;
            } else if (windowDropped * 4 < WINDOW) {
                deblockOff = false;
            }
            windowDecoded = 0;
            windowDropped = 0;
        }
    }

    /** The decoder threads FFmpeg runs for the grabber's video stream, or -1 when the codec context is not reachable. */
    static int threadsOf(FFmpegFrameGrabber grabber) {
        AVCodecContext c = contextOf(grabber);
        return c == null ? -1 : c.thread_count();
    }

    private static AVCodecContext contextOf(FFmpegFrameGrabber grabber) {
        AVCodecContext c = CONTEXT.of(grabber);
        return c == null || c.isNull() ? null : c;
    }
}
