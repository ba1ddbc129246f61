package io.posegate.gateway.throughput;

import io.posegate.gateway.testing.ForwardingProvider;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through around a real provider (same name) that counts the runs in flight inside the real
 * session. The first {@code gate} runs wait for each other before running, so "N runs at once" is
 * observed by counting, not by timing; if fewer than N ever arrive, the gate gives up and the count says so.
 */
final class CountingProvider extends ForwardingProvider {
    private final CyclicBarrier gate;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    final AtomicInteger runs = new AtomicInteger();
    volatile boolean gateOpened;

    CountingProvider(BackendProvider real, int gate) {
        super(real);
        this.gate = new CyclicBarrier(gate, () -> gateOpened = true);
    }

    @Override
    protected InferenceResult run(BackendSession s, Tensor input, int index) {
        if (index == 0) {
            return s.run(input); // the runtime's warm-up run at open
        }
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        runs.incrementAndGet();
        try {
            if (!gateOpened && !gate.isBroken()) {
                gate.await(30, TimeUnit.SECONDS);
            }
            return s.run(input);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (BrokenBarrierException | TimeoutException e) {
            return s.run(input);
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
