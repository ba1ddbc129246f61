package io.posegate.gateway.backend;

import static java.util.Objects.requireNonNull;

import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A runtime and one of its run permits, taken together from {@link ModelRuntime#lease()}: the holder may
 * {@link #run} frames on it until it closes the lease, and the runtime's session is never closed while a
 * lease is open. Closing gives the permit back (idempotent).
 *
 * <p><b>Watchdog.</b> While a run is in progress, another thread may {@link #expire} the lease: the runtime is
 * then poisoned (no new leases) and the holder is abandoned. When the hung run finally returns, {@link #run}
 * closes its result and throws {@link Abandoned}, so the abandoned thread touches nothing else; its close of
 * the lease is what lets the poisoned session close, so a session is never closed under a running call.
 *
 * <p><b>Threading.</b> Used by one thread (the holder); only {@link #expire} and {@link #runningNanos} may be
 * called from another.
 */
public final class RuntimeLease implements AutoCloseable {
    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int EXPIRED = 2;
    private static final int CLOSED = 3;

    private final ModelRuntime runtime;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private volatile long runStartedNanos;

    RuntimeLease(ModelRuntime runtime) {
        this.runtime = requireNonNull(runtime, "runtime is null");
    }

    public ModelRuntime runtime() {
        return runtime;
    }

    /**
     * Runs one frame on the leased session. Close the result before the lease.
     *
     * @throws Abandoned if the watchdog expired this lease while the run was in progress
     * @throws IllegalStateException if the lease is closed, or a run is already in progress
     */
    public InferenceResult run(Tensor input) {
        runStartedNanos = System.nanoTime();
        if (!state.compareAndSet(IDLE, RUNNING)) {
            throw new IllegalStateException("lease on " + runtime.label() + " is " + describe(state.get()));
        }
        InferenceResult result;
        try {
            result = runtime.session().run(input);
        } catch (RuntimeException e) {
            if (!state.compareAndSet(RUNNING, IDLE)) {
                throw new Abandoned(runtime, e);
            }
            throw e;
        }
        if (!state.compareAndSet(RUNNING, IDLE)) {
            result.close();
            throw new Abandoned(runtime, null);
        }
        return result;
    }

    /** How long the current run has been going, or -1 when no run is in progress. */
    public long runningNanos(long nowNanos) {
        return state.get() == RUNNING ? nowNanos - runStartedNanos : -1;
    }

    /**
     * Called by the watchdog: if a run is in progress, abandons it and poisons the runtime with {@code reason}.
     *
     * @return true if this call expired the lease (a run was in progress and had not returned yet)
     */
    public boolean expire(String reason) {
        if (!state.compareAndSet(RUNNING, EXPIRED)) {
            return false;
        }
        runtime.poison(reason);
        return true;
    }

    /** Gives the permit back; after an expired run, this is what lets the poisoned session close. */
    @Override
    public void close() {
        if (state.getAndSet(CLOSED) != CLOSED) {
            runtime.release();
        }
    }

    private static String describe(int s) {
        return s == RUNNING ? "already running" : s == EXPIRED ? "expired" : "closed";
    }

    /** Thrown to a thread whose run the watchdog gave up on; that thread must leave everything else alone. */
    public static final class Abandoned extends RuntimeException {
        Abandoned(ModelRuntime runtime, Throwable cause) {
            super("run on " + runtime.label() + " returned after the watchdog gave up on it", cause, false, false);
        }
    }
}
