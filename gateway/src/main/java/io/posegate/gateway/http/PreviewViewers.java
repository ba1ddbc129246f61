package io.posegate.gateway.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many MJPEG previews are open on each stream, shown as {@code previews} in {@code /api/streams}: each one
 * costs a JPEG encode per frame here and, in the browser, one of its few connections to this host. Also counts the
 * encode loops still running ({@link #encoders}), which stop shortly after their preview ends. Thread-safe.
 */
final class PreviewViewers {
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();
    private final AtomicInteger encoders = new AtomicInteger();

    /** Counts one more preview of {@code stream}; run the result when it ends (running it again does nothing). */
    Runnable opened(String stream) {
        open.merge(stream, 1, Integer::sum);
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                open.computeIfPresent(stream, (k, n) -> n <= 1 ? null : n - 1);
            }
        };
    }

    int count(String stream) {
        return open.getOrDefault(stream, 0);
    }

    /** Counts one more preview encode loop (any stream); run the result when its encoder is closed (again: nothing). */
    Runnable encoding() {
        encoders.incrementAndGet();
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                encoders.decrementAndGet();
            }
        };
    }

    /** Preview encode loops not yet stopped, over all streams: 0 once every preview has ended (tests). */
    int encoders() {
        return encoders.get();
    }
}
