package io.posegate.gateway.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many MJPEG previews are open on each stream, shown as {@code previews} in {@code /api/streams}: each one
 * costs a JPEG encode per frame here and, in the browser, one of its few connections to this host. Thread-safe.
 */
final class PreviewViewers {
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

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
}
