package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds; the deadline only bounds a hung test, it is not an assertion on speed. */
final class Await {
    private Await() {
    }

    static void until(BooleanSupplier condition, Duration deadline, Supplier<String> whatWeWaitFor) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("gave up waiting for " + whatWeWaitFor.get());
            }
            Thread.sleep(20);
        }
    }
}
