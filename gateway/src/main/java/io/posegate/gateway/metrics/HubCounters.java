package io.posegate.gateway.metrics;

/**
 * What the metrics read from the WebSocket fan-out (implemented by the HTTP layer's hub), so that metrics
 * do not depend on HTTP. Both methods are read at scrape time from any thread: they must be thread-safe
 * and must not block.
 */
public interface HubCounters {
    /** Connected WebSocket clients now. */
    int clientCount();

    /** Pose messages dropped for slow clients since the hub started, all streams; never decreases. */
    long dropped();
}
