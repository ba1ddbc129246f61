package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.model.ModelDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Swaps a gateway's default backend while its streams run and remembers the last swap. Swaps run one at a time, in
 * the order they were asked for (a fair lock): two swaps asked for at once from different places (the API, a fleet
 * command, a reload of the file) never open side by side, and the one asked for last is the one that stays.
 * Opening the new backend blocks: call {@link #swap} and {@link #swapUnlessBusy} from a worker thread, never an
 * event loop.
 */
final class BackendSwap {
    private static final Logger LOG = Logger.getLogger(BackendSwap.class.getName());

    private final GatewayState state;
    private final RuntimeOpener opener;
    private volatile SwapRecord last;
    /** Held for a whole swap; fair, so waiting swaps run in the order they asked. */
    private final ReentrantLock turn = new ReentrantLock(true);

    BackendSwap(GatewayState state, RuntimeOpener opener) {
        this.state = state;
        this.opener = opener;
    }

    /** The swap in progress or the last one finished; null before the first. */
    SwapRecord last() {
        return last;
    }

    /** See {@link Gateway#swapBackend}: waits for the swaps asked for before it. */
    SwapRecord swap(String backend) {
        return inTurn(() -> swapInTurn(backend));
    }

    /** See {@link Gateway#swapBackendUnlessBusy}: refuses at once while another swap runs or waits. */
    SwapRecord swapUnlessBusy(String backend) {
        boolean mine;
        try {
            mine = turn.tryLock(0, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("swap to '" + backend + "' not started: interrupted while taking its turn", e);
        }
        if (!mine) {
            throw new SwapInProgressException(backend, last);
        }
        try {
            return swapInTurn(backend);
        } finally {
            turn.unlock();
        }
    }

    /** See {@link Gateway#refuseSwapWhileBusy}. */
    void refuseWhileBusy(String backend) {
        if (!turn.isHeldByCurrentThread() && (turn.isLocked() || turn.hasQueuedThreads())) {
            throw new SwapInProgressException(backend, last);
        }
    }

    /** See {@link Gateway#inSwapTurn}: waits for the turn, then runs {@code work} holding it. */
    <T> T inTurn(Supplier<T> work) {
        turn.lock();
        try {
            return work.get();
        } finally {
            turn.unlock();
        }
    }

    private SwapRecord swapInTurn(String backend) {
        DefaultRuntimes runtimes = state.runtimes;
        String from = runtimes.defaultBackend();
        Instant at = Instant.now();
        last = new SwapRecord(from, backend, at, 0, null, true);
        long t0 = System.nanoTime();
        ModelRuntime next;
        try {
            next = runtimes.open(backend);
        } catch (RuntimeException e) {
            openFailedAgain(backend, e.getMessage());
            SwapRecord failed = finish(new SwapRecord(from, backend, at, (System.nanoTime() - t0) / 1_000_000, e.getMessage(), false));
            LOG.warning("swap " + from + " -> " + backend + " failed, keeping " + from + ": " + e.getMessage());
            return failed;
        }
        List<ModelRuntime> retired = new ArrayList<>();
        synchronized (state.lock) {
            ModelRuntime previous = runtimes.install(backend, next);
            if (previous != null) {
                retired.add(previous);
            }
            rebind(backend, next);
            runtimes.makeDefault(backend);
            retired.addAll(state.takeUnusedRuntimes());
        }
        retired.forEach(ModelRuntime::close);
        SwapRecord done = finish(new SwapRecord(from, backend, at, (System.nanoTime() - t0) / 1_000_000, null, false));
        LOG.info("swapped backend " + from + " -> " + next.label() + " in " + done.millis() + " ms");
        return done;
    }

    /**
     * Under the lock: moves every stream on the gateway's model that follows the default (or names
     * {@code backend}) to the new runtime. A stream with a model of its own never runs the gateway model's
     * runtime: if it follows the default it moves to its own model on {@code backend}, else it keeps its runtime.
     */
    private void rebind(String backend, ModelRuntime next) {
        for (StreamPipeline s : state.streams.values()) {
            String own = state.streamBackends.get(s.id());
            ModelDescriptor d = state.models.of(s.id());
            if (d != state.descriptor) {
                if (own == null) {
                    ModelRuntime ownModel = state.models.runtimeFor(d, backend, opener::open);
                    if (ownModel != null) {
                        s.bind(ownModel);
                    }
                }
            } else if (own == null || own.equals(backend)) {
                s.bind(next);
            }
        }
    }

    /**
     * After a failed open of {@code backend}: if it failed to open before and still has no runtime (a swap retrying it),
     * its error and the failure reason of the streams waiting on it become the new error, so they do not keep the old one.
     */
    private void openFailedAgain(String backend, String error) {
        synchronized (state.lock) {
            DefaultRuntimes runtimes = state.runtimes;
            if (runtimes.error(backend) == null || runtimes.snapshot().containsKey(backend)) {
                return;
            }
            runtimes.openFailedAgain(backend, error);
            for (StreamPipeline s : state.streams.values()) {
                String own = state.streamBackends.get(s.id());
                String on = own != null ? own : runtimes.defaultBackend();
                if (s.runtime() == null && on.equals(backend) && state.models.of(s.id()) == state.descriptor) {
                    s.fail("backend '" + backend + "' failed: " + error);
                }
            }
        }
    }

    private SwapRecord finish(SwapRecord done) {
        synchronized (state.lock) {
            last = done;
            state.events.swapFinished(done);
        }
        return done;
    }
}
