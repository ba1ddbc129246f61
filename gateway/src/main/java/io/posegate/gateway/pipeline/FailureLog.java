package io.posegate.gateway.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One stream's log of failed frames: a failure is logged with its stack trace at most once per
 * {@link #PERIOD_NANOS}, and the line says how many failed frames were not logged since the last one. A model
 * that fails every frame (one emitting NaN, say) so writes one line every 10 s per stream instead of 25 a
 * second; every failure is still counted on the stream ({@link StreamPipeline#errors}) and its last message
 * kept. Thread-safe (the inference workers of a stream may fail frames at once).
 */
final class FailureLog {
    static final long PERIOD_NANOS = 10_000_000_000L;
    private final LongSupplier clock;
    private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong notLogged = new AtomicLong();

    FailureLog() {
        this(System::nanoTime);
    }

    FailureLog(LongSupplier clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Logs this failure of stream {@code stream} on {@code log}, or counts it when one was logged within the period. */
    void failed(Logger log, String stream, Throwable e) {
        Long skipped = admit();
        if (skipped != null) {
            log.log(Level.WARNING, "stream " + stream + ": frame failed: " + e
                    + (skipped > 0 ? " (and " + skipped + " more failed frames since the last logged one)" : ""), e);
        }
    }

    /** The failed frames not logged since the last logged one, when this failure is to be logged; else null. */
    Long admit() {
        long now = clock.getAsLong();
        long last = lastLogged.get();
        if ((last == Long.MIN_VALUE || now - last >= PERIOD_NANOS) && lastLogged.compareAndSet(last, now)) {
            return notLogged.getAndSet(0);
        }
        notLogged.incrementAndGet();
        return null;
    }
}
