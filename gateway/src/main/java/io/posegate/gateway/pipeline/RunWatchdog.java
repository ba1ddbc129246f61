package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Watches every inference run ({@code posegate-watchdog} thread). A run that exceeds the run timeout (a hung
 * NCS2, GPU or driver) is given up: its lease expires, which poisons the runtime (no new runs; its session
 * closes once the hung call returns), the stream gets an error and is released, the worker is replaced by
 * a fresh one, and the runtime goes to {@code onHung} so the gateway reopens it. The hung thread itself
 * cannot be stopped (native code); when its call returns it sees it was abandoned and ends.
 */
final class RunWatchdog implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RunWatchdog.class.getName());

    private final InferenceScheduler scheduler;
    private final long timeoutNanos;
    private final long tickMillis;
    private final Consumer<ModelRuntime> onHung;
    private final AtomicLong timeouts = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    RunWatchdog(InferenceScheduler scheduler, Duration timeout, Consumer<ModelRuntime> onHung) {
        this.scheduler = scheduler;
        this.timeoutNanos = timeout.toNanos();
        this.tickMillis = Math.max(10, Math.min(250, timeout.toMillis() / 4));
        this.onHung = onHung;
        this.thread = new Thread(this::watch, "posegate-watchdog");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long timeouts() {
        return timeouts.get();
    }

    private void watch() {
        while (!closed) {
            try {
                Thread.sleep(tickMillis);
                check();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warning("watchdog check failed: " + e);
            }
        }
    }

    private void check() {
        long now = System.nanoTime();
        for (InferenceWorker w : scheduler.workers()) {
            RuntimeLease l = w.lease();
            if (l == null || l.runningNanos(now) <= timeoutNanos) {
                continue;
            }
            String reason = "inference run on " + l.runtime().label() + " exceeded " + timeoutNanos / 1_000_000
                    + " ms (inference.runTimeoutMs); session poisoned and reopened";
            if (l.expire(reason)) {
                giveUp(w, l.runtime(), reason);
            }
        }
    }

    private void giveUp(InferenceWorker w, ModelRuntime runtime, String reason) {
        timeouts.incrementAndGet();
        w.abandon();
        StreamPipeline s = w.current();
        StreamPipeline[] held = w.currentStreams();
        for (StreamPipeline h : held) {
            h.recordError(reason);
            h.unclaim(w);
        }
        if (s != null) {
            s.unclaim(w);
        }
        w.skipTurn();
        LOG.warning(w.name() + " (stream" + (held.length > 1 ? "s " : " ")
                + (held.length == 0 ? "?" : String.join(", ", java.util.Arrays.stream(held).map(StreamPipeline::id).toList()))
                + "): " + reason + "; worker replaced");
        scheduler.replace(w);
        onHung.accept(runtime);
        scheduler.wake();
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
