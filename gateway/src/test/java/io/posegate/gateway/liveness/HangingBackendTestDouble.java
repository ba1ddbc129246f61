package io.posegate.gateway.liveness;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import io.posegate.spi.Tensor;
import io.posegate.spi.TensorInfo;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * TEST DOUBLE (stands in for a hung NCS2 or GPU, which cannot be produced on purpose here): the demo's
 * {@code simulated} backend under the name {@value #NAME}, whose {@code run} can be made to hang. After
 * {@link #hangNextRun()}, the next run on any of its sessions blocks until {@link #releaseHung()}. It also
 * checks the SPI contract the gateway must keep: a session is never closed while a run is in progress.
 * After {@link #failRuns(boolean) failRuns(true)} every run fails (a model whose every output is refused, such as
 * one emitting NaN), until {@code failRuns(false)}.
 */
public final class HangingBackendTestDouble implements BackendProvider {
    public static final String NAME = "hanging-test-double";

    private final SimulatedBackendProvider real = new SimulatedBackendProvider();
    private final AtomicInteger hangsArmed = new AtomicInteger();
    private volatile boolean failing;
    private final AtomicInteger hanging = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger closedDuringRun = new AtomicInteger();
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(1));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return -1;
    }

    @Override
    public Probe probe() {
        return real.probe();
    }

    /** The next run (on any session of this provider) hangs until {@link #releaseHung()}. */
    public void hangNextRun() {
        hangsArmed.incrementAndGet();
    }

    /** Whether every run fails from now on. */
    public void failRuns(boolean fail) {
        failing = fail;
    }

    /** Lets every hung run return. */
    public void releaseHung() {
        gate.getAndSet(new CountDownLatch(1)).countDown();
    }

    /** Runs blocked right now. */
    public int hanging() {
        return hanging.get();
    }

    public int opened() {
        return opened.get();
    }

    public int closed() {
        return closed.get();
    }

    /** Sessions closed while one of their runs was still in progress (an SPI contract breach; must stay 0). */
    public int closedDuringRun() {
        return closedDuringRun.get();
    }

    @Override
    public BackendSession open(ModelSpec model, BackendOptions options) {
        BackendSession session = real.open(model, options);
        opened.incrementAndGet();
        return new Session(session);
    }

    private final class Session implements BackendSession {
        private final BackendSession inner;
        private final AtomicInteger running = new AtomicInteger();
        private boolean done;

        Session(BackendSession inner) {
            this.inner = inner;
        }

        @Override
        public String backendName() {
            return NAME;
        }

        @Override
        public String device() {
            return inner.device();
        }

        @Override
        public List<TensorInfo> inputs() {
            return inner.inputs();
        }

        @Override
        public List<TensorInfo> outputs() {
            return inner.outputs();
        }

        @Override
        public InferenceResult run(Tensor input) {
            running.incrementAndGet();
            try {
                if (failing) {
                    throw new IllegalStateException("test double: every output refused (as a model emitting NaN)");
                }
                if (hangsArmed.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    hanging.incrementAndGet();
                    CountDownLatch g = gate.get();
                    try {
                        g.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        hanging.decrementAndGet();
                    }
                }
                return inner.run(input);
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public synchronized void close() {
            if (done) {
                return;
            }
            done = true;
            if (running.get() > 0) {
                closedDuringRun.incrementAndGet();
            }
            closed.incrementAndGet();
            inner.close();
        }
    }
}
