package io.posegate.gateway.ingest;

import java.io.InterruptedIOException;

/**
 * A per-stream frame-rate cap. Live sources {@link #admit drop} frames that come too early (the camera
 * runs anyway); stored sources (files, image folders) {@link #await wait} instead, losing nothing.
 * Used by one source thread only.
 */
public final class FrameRateCap {
    private final long intervalNanos;
    private long last = Long.MIN_VALUE;

    /** @param maxFps frames per second; 0 or less means no cap */
    public FrameRateCap(double maxFps) {
        this.intervalNanos = maxFps > 0 ? Math.round(1e9 / maxFps) : 0;
    }

    /** True if a frame arriving now may pass; 10% jitter is tolerated so a 25 fps camera passes a 25 fps cap. */
    public boolean admit() {
        long now = System.nanoTime();
        if (intervalNanos > 0 && last != Long.MIN_VALUE && now - last < intervalNanos * 9 / 10) {
            return false;
        }
        last = now;
        return true;
    }

    /** True if {@link #admit()} would refuse a frame arriving now; changes nothing. */
    public boolean wouldRefuse() {
        return intervalNanos > 0 && last != Long.MIN_VALUE && System.nanoTime() - last < intervalNanos * 9 / 10;
    }

    /** Sleeps until the next frame may pass. */
    public void await() throws InterruptedIOException {
        if (intervalNanos > 0 && last != Long.MIN_VALUE) {
            Pacing.sleepUntil(last + intervalNanos);
        }
        last = System.nanoTime();
    }

    public void reset() {
        last = Long.MIN_VALUE;
    }
}
