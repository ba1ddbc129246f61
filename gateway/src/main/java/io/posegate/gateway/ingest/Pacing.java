package io.posegate.gateway.ingest;

import java.io.InterruptedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Small timing helpers shared by the sources. */
public final class Pacing {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Pacing() {
    }

    /** Sleeps until {@code System.nanoTime()} reaches {@code deadlineNanos}; interruption becomes an IOException. */
    public static void sleepUntil(long deadlineNanos) throws InterruptedIOException {
        long wait = deadlineNanos - System.nanoTime();
        if (wait <= 0) {
            return;
        }
        try {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while pacing");
        }
    }

    /**
     * CPU time of the calling thread in nanoseconds, or wall time when the JVM cannot measure it. Decode
     * time is measured this way so that waiting for a camera's next packet is not counted as decoding.
     */
    public static long threadCpuNanos() {
        if (THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled()) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            if (cpu >= 0) {
                return cpu;
            }
        }
        return System.nanoTime();
    }
}
