package io.posegate.gateway.ingest.ffmpeg;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.FrameRateCap;
import io.posegate.gateway.ingest.FrameSink;
import io.posegate.gateway.ingest.Pacing;
import io.posegate.gateway.ingest.VideoFrame;
import java.io.IOException;
import java.io.InterruptedIOException;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * One {@link FfmpegSource#read} on the source thread: grabs pictures until one is kept and converted.
 * A file read with {@code pace=fast} first waits for the sink to want a frame. Live inputs and files at
 * their native pace decode every packet, but skip (before any conversion) a picture the frame-rate cap
 * refuses or that would land on a frame no worker has taken yet, and tell the {@link DecoderDiscard}
 * whether a picture decoded now would be dropped. A file that ends starts over once when it loops.
 * The sink and the counters are readable from any thread; the rest is the source thread's.
 */
final class DecodeLoop {
    private final FfmpegInput input;
    private final FrameRateCap cap;
    private final NativePacer pacer = new NativePacer();
    private final DecoderDiscard discard;
    private final FrameConverter converter;
    private volatile FrameSink sink = NoSink.INSTANCE;
    private volatile long decoded;
    private volatile long positionMicros = Long.MIN_VALUE;

    DecodeLoop(FfmpegInput input, FrameRateCap cap, DecoderDiscard discard, FrameConverter converter) {
        this.input = requireNonNull(input, "input is null");
        this.cap = requireNonNull(cap, "cap is null");
        this.discard = requireNonNull(discard, "discard is null");
        this.converter = requireNonNull(converter, "converter is null");
    }

    void attach(FrameSink frameSink) {
        this.sink = frameSink;
    }

    /** True for a file read with {@code pace=fast}: frames are decoded only when the sink wants one. */
    boolean onDemand() {
        return !input.live() && !input.nativePace();
    }

    /** Pictures decoded since creation, kept or not. */
    long decoded() {
        return decoded;
    }

    /** The timestamp (microseconds) of the picture decoded last, Long.MIN_VALUE before the first. */
    long positionMicros() {
        return positionMicros;
    }

    /** Starts over on a freshly started grabber: discard state, native pacing and the frame-rate cap. */
    void restart(FFmpegFrameGrabber g) {
        discard.attach(g);
        pacer.reset();
        cap.reset();
    }

    /** Reads the next kept frame into {@code into}; false when a file ended (and does not loop). */
    boolean next(FFmpegFrameGrabber g, VideoFrame into) throws IOException {
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
            converter.preview(g, sink);
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
            converter.convert(g, f, into, sink);
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

    private void skip() {
        sink.skipped();
    }
}
