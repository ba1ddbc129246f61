package io.posegate.gateway.backend;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An opened model on one backend, shared by the streams bound to it. Frames run under a {@link RuntimeLease}
 * (the runtime and a permit taken together), which limits concurrent runs to what the session allows. A
 * retired runtime (swapped out, poisoned by the watchdog, or closed) grants no new lease, drains the runs
 * in flight and then closes its session; nothing ever blocks on a retired runtime. Thread-safe.
 */
public final class ModelRuntime implements AutoCloseable {
    private static final AtomicLong OPENED = new AtomicLong();

    /** This runtime's number, unique in the process: lets a worker notice a change of runtime without keeping the old one. */
    private final long id = OPENED.incrementAndGet();
    private final ModelDescriptor descriptor;
    private final BackendSession session;
    private final int concurrency;
    private final long openMillis;
    private final String batching;
    private final RunPermits permits;
    private volatile String poisoned;

    private ModelRuntime(ModelDescriptor descriptor, BackendSession session, long openMillis, String batching) {
        this.descriptor = descriptor;
        this.session = session;
        this.concurrency = Math.max(1, session.maxConcurrentRuns());
        this.permits = new RunPermits(concurrency);
        this.openMillis = openMillis;
        this.batching = batching;
    }

    /**
     * Opens the descriptor's model on {@code provider}, checks the outputs against the descriptor and
     * runs one warm-up frame. Blocking: call from a worker thread, never an event loop.
     *
     * @throws io.posegate.spi.BackendException on any failure, naming what was wrong
     */
    public static ModelRuntime open(ModelDescriptor descriptor, BackendProvider provider, BackendOptions options) {
        return open(descriptor, provider, options, 1);
    }

    /**
     * Like {@link #open(ModelDescriptor, BackendProvider, BackendOptions)}, allowing batches of up to
     * {@code maxBatch} frames ({@code inference.batch.maxSize}) when the model and the backend can batch
     * (see {@link BatchPolicy}); then a warm-up batch of that size runs too.
     *
     * @throws io.posegate.spi.BackendException also when the descriptor says {@code batch: dynamic} but the
     *                                          session cannot batch, naming why
     */
    public static ModelRuntime open(ModelDescriptor descriptor, BackendProvider provider, BackendOptions options, int maxBatch) {
        requireNonNull(descriptor, "descriptor is null");
        CheckedSession s = CheckedSession.open(descriptor, provider, options, maxBatch);
        return new ModelRuntime(descriptor, s.session(), s.openMillis(), s.batching());
    }

    /** A number no other runtime of this process has (they are counted as opened). */
    public long id() {
        return id;
    }

    /** The most frames one run takes ({@link BackendSession#maxBatch()}): above 1 only when batching is on. */
    public int maxBatch() {
        return session.maxBatch();
    }

    /** How this runtime batches, or why it runs one frame at a time, in words (for logs and status). */
    public String batching() {
        return batching;
    }

    /** How many runs the session allows at once ({@link BackendSession#maxConcurrentRuns()}, at least 1). */
    public int maxConcurrentRuns() {
        return concurrency;
    }

    /** The most runs that were ever in flight at once on this runtime. */
    public int peakInFlight() {
        return permits.peakInFlight();
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

    /**
     * Takes the runtime and one run permit together. Waits only while every permit is in use by a run in
     * flight; never once the runtime is retired.
     *
     * @return the lease, or null if this runtime is retired (swapped out, poisoned or closed): re-read the
     *         stream's runtime and lease that one instead
     */
    public RuntimeLease lease() throws InterruptedException {
        return permits.take() ? new RuntimeLease(this) : null;
    }

    void release() {
        if (permits.release()) {
            session.close();
        }
    }

    /** Retires the runtime because a run hung; see {@link RuntimeLease#expire}. */
    void poison(String reason) {
        poisoned = reason;
        close();
    }

    /** Why the watchdog gave up on this runtime, or null if it never did. */
    public String poisoned() {
        return poisoned;
    }

    /** True once retired: no new lease is granted. */
    public boolean retired() {
        return permits.retired();
    }

    /** True once the session itself is closed (retired and drained). */
    public boolean sessionClosed() {
        return permits.sessionClosed();
    }

    /**
     * Retires the runtime: no new lease from now on, and waiters for a permit get none. The session closes
     * as soon as the runs in flight finish (at once when there are none), on the thread that ends the last
     * one. Never blocks; idempotent.
     */
    @Override
    public void close() {
        if (permits.retire()) {
            session.close();
        }
    }
}
