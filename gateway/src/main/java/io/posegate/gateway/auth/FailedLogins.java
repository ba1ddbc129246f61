package io.posegate.gateway.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limit on failed logins per client address: after {@code maxFailures} bad tokens within
 * {@code windowSeconds}, that address is refused (429) until the window has passed. Memory is bounded:
 * beyond 10,000 addresses, expired entries are dropped, then all of them.
 */
public final class FailedLogins {
    private static final int MAX_ADDRESSES = 10_000;
    private final int maxFailures;
    private final long windowNanos;
    private final Map<String, long[]> byAddress = new ConcurrentHashMap<>();

    public FailedLogins(int maxFailures, int windowSeconds) {
        this.maxFailures = maxFailures;
        this.windowNanos = windowSeconds * 1_000_000_000L;
    }

    /** 10 failures per minute. */
    public static FailedLogins defaults() {
        return new FailedLogins(10, 60);
    }

    /** Seconds until {@code address} may try again, or 0 when it may now. */
    public long blockedForSeconds(String address) {
        long[] w = byAddress.get(address);
        long now = System.nanoTime();
        if (w == null || now - w[0] > windowNanos || w[1] < maxFailures) {
            return 0;
        }
        return Math.max(1, (windowNanos - (now - w[0])) / 1_000_000_000L);
    }

    public void failed(String address) {
        long now = System.nanoTime();
        if (byAddress.size() >= MAX_ADDRESSES) {
            byAddress.values().removeIf(w -> now - w[0] > windowNanos);
            if (byAddress.size() >= MAX_ADDRESSES) {
                byAddress.clear();
            }
        }
        byAddress.compute(address, (k, w) -> w == null || now - w[0] > windowNanos ? new long[] {now, 1} : new long[] {w[0], w[1] + 1});
    }
}
