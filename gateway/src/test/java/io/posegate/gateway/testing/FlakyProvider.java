package io.posegate.gateway.testing;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Tensor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated backend named {@code flaky}; its {@code open} fails with {@link #message} ({@code "flaky: device not
 * ready"} unless set) while {@link #failures} is above 0 (each failure counts it down). While {@link #hangs} is above 0,
 * the next run on one of its sessions (not a warm-up at open) hangs until {@link #releaseHung()}, as on a hung device.
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
    /** How many more runs hang (each hung run counts it down). */
    public final AtomicInteger hangs = new AtomicInteger();
    private final java.util.concurrent.CountDownLatch hung = new java.util.concurrent.CountDownLatch(1);

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

    /** Lets every hung run return, and runs hang no more. */
    public void releaseHung() {
        hung.countDown();
    }

    @Override
    protected InferenceResult run(BackendSession session, Tensor input, int index) {
        if (index > 0 && hangs.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            try {
                hung.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return session.run(input);
    }
}
