package io.posegate.gateway.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A source for supervisor tests: small grey frames, a few milliseconds apart, except that every read after
 * its first opening throws {@link #failure} (when set). Counts its openings and closings.
 */
final class ScriptedFrameSource implements FrameSource {
    final AtomicInteger opens = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    private final Throwable failure;

    /** @param failure what the reads of the first opening throw (an Error or a RuntimeException), or null */
    ScriptedFrameSource(Throwable failure) {
        this.failure = failure;
    }

    @Override
    public String describe() {
        return "test:scripted";
    }

    @Override
    public void open() {
        opens.incrementAndGet();
    }

    @Override
    public boolean read(VideoFrame into) throws IOException {
        if (failure != null && opens.get() == 1) {
            if (failure instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) failure;
        }
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped");
        }
        into.reshape(8, 8);
        into.stamp(0, System.currentTimeMillis(), 0);
        return true;
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }
}
