package io.posegate.gateway.throughput;

import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import io.posegate.spi.Tensor;
import io.posegate.spi.TensorInfo;
import java.util.List;
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
final class CountingProvider implements BackendProvider {
    private final BackendProvider real;
    private final CyclicBarrier gate;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    final AtomicInteger runs = new AtomicInteger();
    volatile boolean gateOpened;

    CountingProvider(BackendProvider real, int gate) {
        this.real = real;
        this.gate = new CyclicBarrier(gate, () -> gateOpened = true);
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public int priority() {
        return real.priority();
    }

    @Override
    public Probe probe() {
        return real.probe();
    }

    @Override
    public BackendSession open(ModelSpec model, BackendOptions options) {
        BackendSession s = real.open(model, options);
        return new BackendSession() {
            private final AtomicInteger warmups = new AtomicInteger();

            @Override
            public String backendName() {
                return s.backendName();
            }

            @Override
            public String device() {
                return s.device();
            }

            @Override
            public List<TensorInfo> inputs() {
                return s.inputs();
            }

            @Override
            public List<TensorInfo> outputs() {
                return s.outputs();
            }

            @Override
            public int maxConcurrentRuns() {
                return s.maxConcurrentRuns();
            }

            @Override
            public InferenceResult run(Tensor input) {
                if (warmups.getAndIncrement() == 0) {
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

            @Override
            public void close() {
                s.close();
            }
        };
    }
}
