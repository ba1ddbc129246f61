package io.posegate.gateway.ingest;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Moves one frame at a time from a stream's source into its sink: takes a pooled frame, reads into it,
 * stamps it with the next sequence number and publishes it. A frame the read failed on goes back to the
 * pool and, unless the stream is stopping, counts as lost. {@link #readOne()} runs on the stream's decode
 * thread only; the counts are readable from any thread. Allocates nothing per frame.
 */
final class FramePump {
    private final FrameSource source;
    private final FrameSink sink;
    private final BooleanSupplier stopping;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();

    FramePump(FrameSource source, FrameSink sink, BooleanSupplier stopping) {
        this.source = source;
        this.sink = sink;
        this.stopping = stopping;
    }

    /** Reads one frame into the sink; false at the end of the stream. A failed read's frame is recycled. */
    boolean readOne() throws Exception {
        VideoFrame frame = sink.acquire();
        boolean published = false;
        try {
            if (!source.read(frame)) {
                return false;
            }
            frame.stamp(sequence.getAndIncrement(), frame.captureEpochMillis(), frame.decodeMillis());
            sink.publish(frame);
            published = true;
            return true;
        } catch (Exception | Error e) {
            if (!stopping.getAsBoolean()) {
                lost.incrementAndGet();
            }
            throw e;
        } finally {
            if (!published) {
                sink.recycle(frame);
            }
        }
    }

    /** Frames published since start. */
    long published() {
        return sequence.get();
    }

    /** Reads that failed while the stream was not stopping. */
    long failedReads() {
        return lost.get();
    }
}
