package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputTransform;
import io.posegate.gateway.model.ModelDescriptor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One worker's cross-stream batches. The worker holds one stream's claim; {@link InferenceScheduler#gather}
 * adds the claims of other streams bound to the same runtime with a frame waiting. Their frames are then
 * taken and their {@link FrameTurns} tickets issued while every claim is still held, so two batches that
 * share streams are ordered the same way on each of them and their waits for earlier frames never form a
 * cycle. The frames are pre-processed straight into one batch tensor, run once, and each item is grouped,
 * tracked and published on its own stream in that stream's order.
 *
 * <p>A frame that fails to pre-process or group fails alone; a failed batched run fails each of its frames
 * with an error naming the batch; neither stops the worker. Not thread-safe: one per worker, except
 * {@link #skipTurns} and {@link #streams}, which the watchdog may call.
 */
final class BatchRun {
    private static final Logger LOG = Logger.getLogger(BatchRun.class.getName());

    private final InferenceScheduler scheduler;
    private final InferenceWorker worker;
    private final Map<ModelDescriptor, BatchProcessor> processors = new HashMap<>();
    private StreamPipeline[] gathered = new StreamPipeline[0];
    private StreamPipeline[] streams = new StreamPipeline[0];
    private VideoFrame[] frames = new VideoFrame[0];
    private long[] tickets = new long[0];
    private InputTransform[] placements = new InputTransform[0];
    private TakenFrame[] metas = new TakenFrame[0];
    private volatile int taken;

    BatchRun(InferenceScheduler scheduler, InferenceWorker worker) {
        this.scheduler = scheduler;
        this.worker = worker;
    }

    /** Gathers, runs and publishes one batch that starts with {@code first} (claimed by the worker). */
    void process(StreamPipeline first, ModelRuntime rt, int limit) throws InterruptedException {
        ensure(limit);
        int n = scheduler.gather(worker, first, rt, limit, gathered);
        int k = 0;
        for (int i = 0; i < n; i++) {
            VideoFrame f = gathered[i].slot().take();
            if (f != null) {
                streams[k] = gathered[i];
                frames[k] = f;
                tickets[k] = gathered[i].turns().issue();
                k++;
            }
        }
        taken = k;
        for (int i = 0; i < n; i++) {
            gathered[i].unclaim(worker);
            gathered[i] = null;
        }
        scheduler.wake();
        try {
            run(rt, k);
        } finally {
            skipTurns();
            Arrays.fill(streams, null);
            taken = 0;
        }
    }

    /** Finishes the tickets of the batch in flight (idempotent); the watchdog calls it when it gives up. */
    void skipTurns() {
        int k = taken;
        StreamPipeline[] s = streams;
        for (int i = 0; i < k; i++) {
            StreamPipeline p = s[i];
            if (p != null) {
                p.turns().finish(tickets[i]);
            }
        }
    }

    /** The streams of the batch in flight (empty when none). */
    StreamPipeline[] streams() {
        StreamPipeline[] s = streams;
        return Arrays.stream(Arrays.copyOf(s, Math.min(taken, s.length))).filter(java.util.Objects::nonNull)
                .toArray(StreamPipeline[]::new);
    }

    private void run(ModelRuntime rt, int k) throws InterruptedException {
        BatchProcessor bp = processors.get(rt.descriptor());
        if (bp == null || bp.capacity() < k) {
            bp = new BatchProcessor(rt.descriptor(), gathered.length);
            processors.put(rt.descriptor(), bp);
        }
        int m = preprocess(bp, k);
        if (m == 0) {
            return;
        }
        double inferMs;
        try (RuntimeLease l = rt.lease()) {
            if (l == null) {
                return;
            }
            worker.leased(l);
            try {
                inferMs = bp.infer(l, m);
            } catch (RuntimeLease.Abandoned e) {
                throw e;
            } catch (RuntimeException e) {
                failAll(m, "batched run of " + m + " frames on " + rt.label() + " failed: " + message(e), e);
                return;
            } finally {
                worker.leased(null);
            }
        }
        for (int j = 0; j < m; j++) {
            publish(bp, j, rt.label(), inferMs);
        }
    }

    /** Pre-processes each taken frame into the next free item; a failing frame fails alone. */
    private int preprocess(BatchProcessor bp, int k) {
        int m = 0;
        for (int i = 0; i < k; i++) {
            VideoFrame f = frames[i];
            StreamPipeline s = streams[i];
            long t0 = System.nanoTime();
            try {
                placements[m] = bp.item(m).preprocess(f);
                metas[m] = TakenFrame.of(f, (System.nanoTime() - t0) / 1e6);
                swap(i, m);
                m++;
            } catch (RuntimeException e) {
                s.recordError("frame failed before inference: " + message(e));
                LOG.log(Level.WARNING, "stream " + s.id() + ": frame failed: " + e, e);
            } finally {
                s.slot().recycle(f);
                frames[i] = null;
            }
        }
        return m;
    }

    /** Keeps the pre-processed frames first, so item j of the batch is streams[j] with tickets[j]. */
    private void swap(int i, int m) {
        if (i == m) {
            return;
        }
        StreamPipeline s = streams[i];
        streams[i] = streams[m];
        streams[m] = s;
        long t = tickets[i];
        tickets[i] = tickets[m];
        tickets[m] = t;
    }

    private void publish(BatchProcessor bp, int j, String label, double inferMs) throws InterruptedException {
        StreamPipeline s = streams[j];
        try {
            double groupMs = bp.group(j, placements[j], s.usesAppearance());
            metas[j].publish(s, bp.item(j), tickets[j], label, inferMs, groupMs, scheduler.publisher());
        } catch (RuntimeException e) {
            s.recordError(message(e));
            LOG.log(Level.WARNING, "stream " + s.id() + ": frame failed: " + e, e);
        } finally {
            s.turns().finish(tickets[j]);
        }
    }

    private void failAll(int m, String message, RuntimeException e) {
        StringBuilder ids = new StringBuilder();
        for (int j = 0; j < m; j++) {
            streams[j].recordError(message);
            ids.append(j == 0 ? "" : ", ").append(streams[j].id());
        }
        LOG.log(Level.WARNING, message + " (streams " + ids + ")", e);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private void ensure(int limit) {
        if (gathered.length >= limit) {
            return;
        }
        gathered = new StreamPipeline[limit];
        streams = new StreamPipeline[limit];
        frames = new VideoFrame[limit];
        tickets = new long[limit];
        placements = new InputTransform[limit];
        metas = new TakenFrame[limit];
    }
}
