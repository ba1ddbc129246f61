package io.posegate.gateway.pipeline;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.backend.ModelRuntime;
import java.time.Duration;
import java.util.ArrayList;
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
    private static final StreamPipeline[] NONE = new StreamPipeline[0];

    private final Consumer<PoseFrame> publisher;
    private InferenceWorker[] workers;
    private boolean started;
    private final RunWatchdog watchdog;
    private final Object signal = new Object();
    private final AtomicLong restarts = new AtomicLong();
    private volatile StreamPipeline[] streams = NONE;
    private int cursor;
    private long wakeups;
    private volatile boolean stopped;
    private volatile int batchMax = 1;
    private volatile long batchWaitNanos;

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
        if (stopped || count <= workers.length) {
            return;
        }
        InferenceWorker[] next = java.util.Arrays.copyOf(workers, count);
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
        batchMax = Math.max(1, maxSize);
        batchWaitNanos = Math.max(0, maxWait.toNanos());
    }

    /** The most frames one run on {@code rt} may hold: 1 unless both the config and the runtime batch. */
    int batchLimit(ModelRuntime rt) {
        return rt == null ? 1 : Math.min(batchMax, rt.maxBatch());
    }

    /**
     * Adds to {@code into} (which holds {@code first}, claimed by {@code worker}) other streams bound to
     * {@code rt} that have a frame waiting, claiming each, until {@code limit} are held; while fewer are held
     * and other streams are bound to {@code rt}, waits for their frames, at most the configured wait.
     *
     * @return how many streams {@code into} holds (all claimed by {@code worker})
     */
    int gather(Object worker, StreamPipeline first, ModelRuntime rt, int limit, StreamPipeline[] into) throws InterruptedException {
        into[0] = first;
        int n = 1;
        long deadline = System.nanoTime() + batchWaitNanos;
        synchronized (signal) {
            while (!stopped) {
                long seen = wakeups;
                StreamPipeline[] list = streams;
                boolean more = false;
                for (int i = 0; i < list.length && n < limit; i++) {
                    StreamPipeline s = list[(cursor + i) % list.length];
                    if (s.runtime() != rt || contains(into, n, s)) {
                        continue;
                    }
                    if (s.slot().hasFrame() && s.tryClaim(worker)) {
                        into[n++] = s;
                    } else {
                        more = true;
                    }
                }
                long left = deadline - System.nanoTime();
                if (n >= limit || !more || left <= 0) {
                    return n;
                }
                if (seen == wakeups) {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(signal, left);
                }
            }
            return n;
        }
    }

    private static boolean contains(StreamPipeline[] a, int n, StreamPipeline s) {
        for (int i = 0; i < n; i++) {
            if (a[i] == s) {
                return true;
            }
        }
        return false;
    }

    /** The number of inference workers. */
    public synchronized int workerCount() {
        return workers.length;
    }

    public synchronized void add(StreamPipeline stream) {
        List<StreamPipeline> next = new ArrayList<>(Arrays.asList(streams));
        next.add(stream);
        streams = next.toArray(NONE);
        wake();
    }

    public synchronized void remove(StreamPipeline stream) {
        List<StreamPipeline> next = new ArrayList<>(Arrays.asList(streams));
        next.remove(stream);
        streams = next.toArray(NONE);
    }

    public List<StreamPipeline> streams() {
        return List.of(streams);
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
        synchronized (signal) {
            wakeups++;
            signal.notifyAll();
        }
    }

    boolean stopped() {
        return stopped;
    }

    Consumer<PoseFrame> publisher() {
        return publisher;
    }

    /** Blocks until a stream with a waiting frame can be claimed by {@code worker}; null when stopping. */
    StreamPipeline awaitNext(Object worker) throws InterruptedException {
        synchronized (signal) {
            while (!stopped) {
                long seen = wakeups;
                StreamPipeline s = next(worker);
                if (s != null) {
                    return s;
                }
                if (seen == wakeups) {
                    signal.wait(200);
                }
            }
            return null;
        }
    }

    /** Round-robin over a snapshot of the streams; the cursor is reduced modulo the snapshot's size. */
    private StreamPipeline next(Object worker) {
        StreamPipeline[] list = streams;
        int n = list.length;
        for (int i = 0; i < n; i++) {
            int at = (cursor + i) % n;
            StreamPipeline s = list[at];
            if (s.slot().hasFrame() && s.runtime() != null && s.tryClaim(worker)) {
                cursor = (at + 1) % n;
                return s;
            }
        }
        return null;
    }

    synchronized InferenceWorker[] workers() {
        return workers.clone();
    }

    /** A worker's thread ended: unless stopping or abandoned on purpose, it died; replace and count it. */
    void exited(InferenceWorker w, Throwable cause) {
        if (stopped || w.abandoned()) {
            return;
        }
        restarts.incrementAndGet();
        LOG.severe("inference worker " + w.name() + " died (" + cause + "); restarting it");
        replace(w);
    }

    /** Starts a new worker in {@code old}'s place (its stream claim, if any, is the caller's business). */
    synchronized void replace(InferenceWorker old) {
        if (stopped || workers[old.index()] != old) {
            return;
        }
        InferenceWorker w = new InferenceWorker(this, old.index(), old.generation() + 1);
        workers[old.index()] = w;
        w.start();
    }

    @Override
    public void close() {
        stopped = true;
        watchdog.close();
        for (InferenceWorker w : workers()) {
            w.interrupt();
        }
        wake();
    }
}
