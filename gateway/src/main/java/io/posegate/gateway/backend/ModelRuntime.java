package io.posegate.gateway.backend;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.model.DescriptorCheck;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.util.concurrent.Semaphore;

/**
 * An opened model on one backend, shared by the streams bound to it. Limits concurrent runs to what
 * the session allows, and closes only when the runs in flight are done (so a swap never pulls a
 * session out from under a worker).
 */
public final class ModelRuntime implements AutoCloseable {
    private final ModelDescriptor descriptor;
    private final BackendSession session;
    private final Semaphore permits;
    private final int concurrency;
    private final long openMillis;

    private ModelRuntime(ModelDescriptor descriptor, BackendSession session, long openMillis) {
        this.descriptor = descriptor;
        this.session = session;
        this.concurrency = Math.max(1, session.maxConcurrentRuns());
        this.permits = new Semaphore(concurrency, true);
        this.openMillis = openMillis;
    }

    /**
     * Opens the descriptor's model on {@code provider}, checks the outputs against the descriptor and
     * runs one warm-up frame. Blocking: call from a worker thread, never an event loop.
     *
     * @throws io.posegate.spi.BackendException on any failure, naming what was wrong
     */
    public static ModelRuntime open(ModelDescriptor descriptor, BackendProvider provider, BackendOptions options) {
        requireNonNull(descriptor, "descriptor is null");
        long t0 = System.nanoTime();
        BackendSession session = provider.open(descriptor.modelSpec(), options);
        try {
            DescriptorCheck.against(descriptor, session);
            Tensor warm = Tensor.allocate(descriptor.input().name(), descriptor.input().type(), descriptor.input().shape());
            try (InferenceResult r = session.run(warm)) {
                DescriptorCheck.outputs(descriptor, r);
            }
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return new ModelRuntime(descriptor, session, (System.nanoTime() - t0) / 1_000_000);
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    public BackendSession session() {
        return session;
    }

    /** {@code backend:device}, as shown in pose frames. */
    public String label() {
        return session.backendName() + ":" + session.device();
    }

    public String backendName() {
        return session.backendName();
    }

    public long openMillis() {
        return openMillis;
    }

    /** Runs one frame under a concurrency permit. The caller closes the result, then calls {@link #release()}. */
    public InferenceResult run(Tensor input) throws InterruptedException {
        permits.acquire();
        try {
            return session.run(input);
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    public void release() {
        permits.release();
    }

    /** Waits for runs in flight, then closes the session. */
    @Override
    public void close() {
        permits.acquireUninterruptibly(concurrency);
        session.close();
    }
}
