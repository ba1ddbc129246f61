package io.posegate.gateway.fleet;

import java.util.HashMap;
import java.util.Map;

/**
 * The rate cap of {@code cam/{stream}/poses}: at most {@code maxFps} frames per stream per second (0 = off,
 * the default). Frames are sent QoS 0 with a message expiry, so a slow or absent subscriber never makes the
 * broker queue stale poses. Called on the event loop only.
 */
final class PosePublisher {
    static final long EXPIRY_SECONDS = 2;
    private final long intervalNanos;
    private final Map<String, Long> last = new HashMap<>();

    PosePublisher(double maxFps) {
        this.intervalNanos = maxFps <= 0 ? -1 : (long) (1e9 / maxFps);
    }

    boolean admit(String stream) {
        if (intervalNanos < 0) {
            return false;
        }
        long now = System.nanoTime();
        Long prev = last.get(stream);
        if (prev != null && now - prev < intervalNanos) {
            return false;
        }
        last.put(stream, now);
        return true;
    }
}
