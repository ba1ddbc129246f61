package io.posegate.gateway.pipeline;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.backend.ModelRuntime;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The shared inference workers: dedicated threads named {@code posegate-infer-N} (never an event
 * loop) that take, round-robin, each stream's latest frame. A stream is handled by one worker at a
 * time; a failing frame is counted against its stream and never stops the others. A worker that dies
 * anyway is replaced and counted ({@link #workerRestarts()}); a run that exceeds the run timeout is
 * given up by the {@link RunWatchdog}, which replaces its worker and hands the runtime to {@code onHung}.
 */
public final class InferenceScheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InferenceScheduler.class.getName());

    private final Consumer<PoseFrame> publisher;
    private InferenceWorker[] workers;
    private boolean started;
    private final RunWatchdog watchdog;
    private final ReadyStreams ready = new ReadyStreams();
    private final AtomicLong restarts = new AtomicLong();

    /**
     * @param runTimeout how long one inference run may take before the watchdog gives up on it
     * @param onHung     called (on the watchdog thread; must not block) with a runtime the watchdog poisoned
     */
    public InferenceScheduler(int workerCount, Duration runTimeout, Consumer<PoseFrame> publisher, Consumer<ModelRuntime> onHung) {
        this.publisher = requireNonNull(publisher, "publisher is null");
        this.workers = new InferenceWorker[workerCount];
        for (int i = 0; i < workerCount; i++) {
            workers[i] = new InferenceWorker(this, i, 0);
        }
        this.watchdog = new RunWatchdog(this, runTimeout, onHung);
    }

    public void start() {
        synchronized (this) {
            started = true;
            for (InferenceWorker w : workers) {
                w.start();
            }
        }
        watchdog.start();
    }

    /**
     * Grows the pool to at least {@code count} workers (it never shrinks), starting the new ones if the
     * scheduler runs. The gateway calls it when a runtime opens, so workers follow its concurrent runs.
     */
    public synchronized void ensureWorkers(int count) {
        if (ready.stopped() || count <= workers.length) {
            return;
        }
        InferenceWorker[] next = Arrays.copyOf(workers, count);
        for (int i = workers.length; i < count; i++) {
            next[i] = new InferenceWorker(this, i, 0);
            if (started) {
                next[i].start();
            }
        }
        workers = next;
        LOG.info("inference workers: " + count);
    }

    /**
     * Cross-stream batching ({@code inference.batch}): frames of up to {@code maxSize} streams bound to the
     * same runtime run as one batch when that runtime batches ({@link ModelRuntime#maxBatch()}); a worker
     * holding fewer waits at most {@code maxWait} for more. {@code maxSize} 1 turns it off.
     */
    public void batching(int maxSize, Duration maxWait) {
        ready.batching(maxSize, maxWait);
    }

    int batchLimit(ModelRuntime rt) {
        return ready.batchLimit(rt);
    }

    int gather(Object worker, StreamPipeline first, ModelRuntime rt, int limit, StreamPipeline[] into) throws InterruptedException {
        return ready.gather(worker, first, rt, limit, into);
    }

    /** The number of inference workers. */
    public synchronized int workerCount() {
        return workers.length;
    }

    public void add(StreamPipeline stream) {
        ready.add(stream);
    }

    public void remove(StreamPipeline stream) {
        ready.remove(stream);
    }

    public List<StreamPipeline> streams() {
        return ready.list();
    }

    /** Workers replaced because they died (an error no frame handler could absorb). */
    public long workerRestarts() {
        return restarts.get();
    }

    /** Runs the watchdog gave up on (each poisoned its runtime and replaced its worker). */
    public long runTimeouts() {
        return watchdog.timeouts();
    }

    /** Called by frame slots when a frame arrives. */
    public void wake() {
        ready.wake();
    }

    boolean stopped() {
        return ready.stopped();
    }

    Consumer<PoseFrame> publisher() {
        return publisher;
    }

    /** Blocks until a stream with a waiting frame can be claimed by {@code worker}; null when stopping. */
    StreamPipeline awaitNext(Object worker) throws InterruptedException {
        return ready.awaitNext(worker);
    }

    synchronized InferenceWorker[] workers() {
        return workers.clone();
    }

    /** A worker's thread ended: unless stopping or abandoned on purpose, it died; replace and count it. */
    void exited(InferenceWorker w, Throwable cause) {
        if (ready.stopped() || w.abandoned()) {
            return;
        }
        restarts.incrementAndGet();
        LOG.severe("inference worker " + w.name() + " died (" + cause + "); restarting it");
        replace(w);
    }

    /** Starts a new worker in {@code old}'s place (its stream claim, if any, is the caller's business). */
    synchronized void replace(InferenceWorker old) {
        if (ready.stopped() || workers[old.index()] != old) {
            return;
        }
        InferenceWorker w = new InferenceWorker(this, old.index(), old.generation() + 1);
        workers[old.index()] = w;
        w.start();
    }

    @Override
    public void close() {
        ready.stop();
        watchdog.close();
        for (InferenceWorker w : workers()) {
            w.interrupt();
        }
        ready.wake();
    }
}
