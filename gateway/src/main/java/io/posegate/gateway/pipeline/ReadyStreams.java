package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.ModelRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The streams the inference workers serve, and the one signal they wait on: a frame arriving, a stream
 * added, a claim released. Workers take streams round-robin ({@link #awaitNext}) and, when batching, gather
 * more streams of the same runtime ({@link #gather}). A stream is held by one worker at a time through
 * {@link StreamPipeline#tryClaim}.
 *
 * <p>Thread-safe. The stream list is a copy-on-write snapshot, so a worker never sees a half-changed
 * list; claims and waits happen under the signal's monitor.
 */
final class ReadyStreams {
    private static final StreamPipeline[] NONE = new StreamPipeline[0];

    private final Object signal = new Object();
    private volatile StreamPipeline[] streams = NONE;
    private int cursor;
    private long wakeups;
    private volatile boolean stopped;
    private volatile int batchMax = 1;
    private volatile long batchWaitNanos;

    /** Up to {@code maxSize} frames of one runtime per run, waiting at most {@code maxWait} for more; 1 = off. */
    void batching(int maxSize, Duration maxWait) {
        batchMax = Math.max(1, maxSize);
        batchWaitNanos = Math.max(0, maxWait.toNanos());
    }

    /** The most frames one run on {@code rt} may hold: 1 unless both the config and the runtime batch. */
    int batchLimit(ModelRuntime rt) {
        return rt == null ? 1 : Math.min(batchMax, rt.maxBatch());
    }

    synchronized void add(StreamPipeline stream) {
        List<StreamPipeline> next = new ArrayList<>(Arrays.asList(streams));
        next.add(stream);
        streams = next.toArray(NONE);
        wake();
    }

    synchronized void remove(StreamPipeline stream) {
        List<StreamPipeline> next = new ArrayList<>(Arrays.asList(streams));
        next.remove(stream);
        streams = next.toArray(NONE);
    }

    List<StreamPipeline> list() {
        return List.of(streams);
    }

    void wake() {
        synchronized (signal) {
            wakeups++;
            signal.notifyAll();
        }
    }

    void stop() {
        stopped = true;
        wake();
    }

    boolean stopped() {
        return stopped;
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
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
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
}
