package io.posegate.gateway.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits in tests. Every bound here only stops a hung test and names what never happened; none is an
 * assertion on speed (speed is measured by the benchmarks).
 */
public final class Await {
    /** How long a test waits for something that normally takes well under a second. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private Await() {
    }

    /** Polls {@code condition} until it holds. */
    public static void until(BooleanSupplier condition, Duration patience, Supplier<String> whatWeWaitFor)
            throws InterruptedException {
        long end = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("gave up waiting for " + whatWeWaitFor.get());
            }
            Thread.sleep(20);
        }
    }

    /** Takes messages from {@code queue} until one is {@code wanted}, and returns it. */
    public static <T> T next(BlockingQueue<T> queue, Predicate<T> wanted, Duration patience, Supplier<String> whatWeWaitFor)
            throws InterruptedException {
        long end = System.nanoTime() + patience.toNanos();
        while (true) {
            T m = queue.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m != null && wanted.test(m)) {
                return m;
            }
            if (m == null && System.nanoTime() >= end) {
                fail("gave up waiting for " + whatWeWaitFor.get());
            }
        }
    }

    /** A bounded join, such as {@code SourceSupervisor::awaitTermination}: true once the work has ended. */
    @FunctionalInterface
    public interface Join {
        boolean await(Duration patience) throws InterruptedException;
    }

    /** Waits for {@code join} to report that the thread behind it has ended. */
    public static void ended(Join join, Duration patience, String what) throws InterruptedException {
        if (!join.await(patience)) {
            fail("gave up waiting for " + what + " to end");
        }
    }
}
