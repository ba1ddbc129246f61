package io.posegate.gateway.ingest.ffmpeg;

import io.posegate.gateway.ingest.Pacing;
import java.io.InterruptedIOException;

/**
 * Delivers a file's frames at the file's own rate: frame timestamps (microseconds) are mapped onto the
 * wall clock from the first frame. After a seek, a loop or a stall of more than a second it starts over
 * rather than bursting to catch up. One source thread only.
 */
final class NativePacer {
    private static final long RESYNC_NANOS = 1_000_000_000L;
    private long firstTimestamp = Long.MIN_VALUE;
    private long firstWall;

    void reset() {
        firstTimestamp = Long.MIN_VALUE;
    }

    void await(long timestampMicros) throws InterruptedIOException {
        long now = System.nanoTime();
        if (firstTimestamp == Long.MIN_VALUE || timestampMicros < firstTimestamp) {
            firstTimestamp = timestampMicros;
            firstWall = now;
            return;
        }
        long due = firstWall + (timestampMicros - firstTimestamp) * 1000;
        if (due - now > RESYNC_NANOS || now - due > RESYNC_NANOS) {
            firstTimestamp = timestampMicros;
            firstWall = now;
            return;
        }
        Pacing.sleepUntil(due);
    }
}
