package io.posegate.gateway.ingest.ffmpeg;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * The open grabber of one {@link FfmpegSource}, and who frees it. The source thread marks itself busy
 * while it opens or reads. A {@link #close()} from another thread while a read is blocked does not free
 * native memory under it: it marks the source closed, and the reading thread releases the grabber (with
 * the decoder discard's context and the converter's scalers) in {@link #end()}, when FFmpeg returns. All
 * state is guarded by one lock.
 */
final class GuardedGrabber {
    private final FfmpegInput input;
    private final DecoderDiscard discard;
    private final FrameConverter converter;
    private final Object lock = new Object();
    private FFmpegFrameGrabber grabber;
    private boolean busy;
    private boolean closeRequested;

    GuardedGrabber(FfmpegInput input, DecoderDiscard discard, FrameConverter converter) {
        this.input = requireNonNull(input, "input is null");
        this.discard = requireNonNull(discard, "discard is null");
        this.converter = requireNonNull(converter, "converter is null");
    }

    /** Forgets an earlier close, releases an earlier grabber and marks the opening thread busy. */
    void beginOpen() {
        synchronized (lock) {
            closeRequested = false;
            release();
            busy = true;
        }
    }

    /** Keeps the grabber that was just started. */
    void opened(FFmpegFrameGrabber g) {
        synchronized (lock) {
            grabber = g;
        }
    }

    /** Marks the reading thread busy and returns the grabber to read from. */
    FFmpegFrameGrabber beginRead() throws IOException {
        synchronized (lock) {
            if (closeRequested || grabber == null) {
                throw new IOException(input.shown() + ": not open");
            }
            busy = true;
            return grabber;
        }
    }

    /** Ends an open or a read; releases the grabber if a close came meanwhile. */
    void end() {
        synchronized (lock) {
            busy = false;
            if (closeRequested) {
                release();
            }
        }
    }

    /** Releases now if no thread is busy, otherwise when the busy thread ends. */
    void close() {
        synchronized (lock) {
            closeRequested = true;
            if (!busy) {
                release();
            }
        }
    }

    /** The open decoder's thread count as FFmpeg applied it, or -1 when not open or not reachable. */
    int decoderThreads() {
        synchronized (lock) {
            return grabber == null ? -1 : DecoderDiscard.threadsOf(grabber);
        }
    }

    private void release() {
        discard.detach();
        if (grabber != null) {
            GrabberOpener.safeRelease(grabber);
            grabber = null;
        }
        converter.close();
    }
}
