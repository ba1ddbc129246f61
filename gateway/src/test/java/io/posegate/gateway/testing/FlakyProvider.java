package io.posegate.gateway.testing;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelSpec;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated backend named {@code flaky}; its {@code open} fails with {@link #message} ({@code "flaky: device not
 * ready"} unless set) while {@link #failures} is above 0 (each failure counts it down).
 */
public final class FlakyProvider extends ForwardingProvider {
    /** How many more opens fail. */
    public final AtomicInteger failures = new AtomicInteger();
    /** Opens tried, failed or not. */
    public final AtomicInteger attempts = new AtomicInteger();
    /** Opens that failed. */
    public final AtomicInteger refused = new AtomicInteger();
    /** The message a refused open fails with. */
    public volatile String message = "flaky: device not ready";
    /** When set, each open waits for it to be counted down first (a slow open). */
    public volatile java.util.concurrent.CountDownLatch hold;

    public FlakyProvider() {
        super(new SimulatedBackendProvider(), "flaky");
    }

    @Override
    public BackendSession open(ModelSpec model, BackendOptions options) {
        attempts.incrementAndGet();
        java.util.concurrent.CountDownLatch h = hold;
        if (h != null) {
            try {
                h.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            refused.incrementAndGet();
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, message);
        }
        return super.open(model, options);
    }
}
