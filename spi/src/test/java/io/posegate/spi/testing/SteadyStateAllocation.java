package io.posegate.spi.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/**
 * Counts the Java heap bytes a frame allocates once warmed up, with the JVM's per-thread counter
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}). Skips the calling test (JUnit assumption)
 * on a JVM that cannot count.
 *
 * <p>The result is the fewest bytes per frame over several windows: on a loaded machine the JIT may still be
 * compiling after the warm-up, and interpreted code allocates what compiled code does not, so a one-off lands
 * in an early window only; an allocation per frame lands in every window.
 */
public final class SteadyStateAllocation {
    private SteadyStateAllocation() {
    }

    /**
     * Runs {@code frame} {@code warmUp} times, then in up to {@code windows} windows of {@code framesPerWindow}
     * frames (stopping at the first window that allocates nothing), and returns the fewest bytes a window
     * allocated divided by {@code framesPerWindow}, rounded up.
     */
    public static long bytesPerFrame(Runnable frame, int warmUp, int windows, int framesPerWindow) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM cannot count allocated bytes per thread");
        for (int i = 0; i < warmUp; i++) {
            frame.run();
        }
        long id = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int w = 0; w < windows && least > 0; w++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < framesPerWindow; i++) {
                frame.run();
            }
            least = Math.min(least, threads.getThreadAllocatedBytes(id) - before);
        }
        return (least + framesPerWindow - 1) / framesPerWindow;
    }
}
