package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.ModelDescriptor;
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
 * <p>A frame that fails to pre-process or group, with an exception or an Error, fails alone; a failed
 * batched run fails each of its frames with an error naming the batch; neither stops the worker. Only
 * what ends a worker ({@link InferenceWorker#endsWorker}) leaves the batch, whose frames then go back to
 * their slots and whose turns are finished. A batch whose runtime was retired since it was gathered (a
 * swap, a poisoned run) is skipped, its frames counted as dropped. Not thread-safe: one per worker, except
 * {@link #skipTurns} and {@link #streams}, which the watchdog may call. The batch in flight (its streams,
 * frames, tickets and items) is a {@link TakenBatch}.
 */
final class BatchRun {
    private static final Logger LOG = Logger.getLogger(BatchRun.class.getName());

    private final InferenceScheduler scheduler;
    private final InferenceWorker worker;
    private final Map<ModelDescriptor, BatchProcessor> processors = new HashMap<>();
    private final TakenBatch batch = new TakenBatch();

    BatchRun(InferenceScheduler scheduler, InferenceWorker worker) {
        this.scheduler = scheduler;
        this.worker = worker;
    }

    /** Gathers, runs and publishes one batch that starts with {@code first} (claimed by the worker). */
    void process(StreamPipeline first, ModelRuntime rt, int limit) throws InterruptedException {
        batch.ensure(limit);
        int n = scheduler.gather(worker, first, rt, limit, batch.gathered);
        int k = batch.take(n);
        batch.unclaim(n, worker);
        scheduler.wake();
        try {
            run(rt, k);
        } finally {
            batch.clear();
        }
    }

    /** Finishes the tickets of the batch in flight (idempotent); the watchdog calls it when it gives up. */
    void skipTurns() {
        batch.skipTurns();
    }

    /** The streams of the batch in flight (empty when none). */
    StreamPipeline[] streams() {
        return batch.streams();
    }

    private void run(ModelRuntime rt, int k) throws InterruptedException {
        BatchProcessor bp = processors.get(rt.descriptor());
        if (bp == null || bp.capacity() < k) {
            bp = new BatchProcessor(rt.descriptor(), batch.gathered.length);
            processors.put(rt.descriptor(), bp);
        }
        int m = preprocess(bp, k);
        if (m == 0) {
            return;
        }
        double inferMs;
        try (RuntimeLease l = rt.lease()) {
            if (l == null) {
                skipAll(m);
                return;
            }
            worker.leased(l);
            try {
                inferMs = bp.infer(l, m);
            } catch (RuntimeLease.Abandoned e) {
                throw e;
            } catch (RuntimeException | Error e) {
                if (InferenceWorker.endsWorker(e) || worker.abandoned()) {
                    throw e;
                }
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
            VideoFrame f = batch.frames[i];
            StreamPipeline s = batch.streams[i];
            long t0 = System.nanoTime();
            try {
                batch.placements[m] = bp.item(m).preprocess(f);
                batch.metas[m] = TakenFrame.of(f, (System.nanoTime() - t0) / 1e6);
                batch.swap(i, m);
                m++;
            } catch (RuntimeException | Error e) {
                if (InferenceWorker.endsWorker(e)) {
                    throw e;
                }
                s.recordError("frame failed before inference: " + message(e));
                s.logFailure(LOG, e);
            } finally {
                s.slot().recycle(f);
                batch.frames[i] = null;
            }
        }
        return m;
    }

    private void publish(BatchProcessor bp, int j, String label, double inferMs) throws InterruptedException {
        StreamPipeline s = batch.streams[j];
        try {
            double groupMs = bp.group(j, batch.placements[j], s.usesAppearance());
            batch.metas[j].publish(s, bp.item(j), batch.tickets[j], label, inferMs, groupMs, scheduler.publisher());
        } catch (RuntimeException | Error e) {
            if (InferenceWorker.endsWorker(e)) {
                throw e;
            }
            s.recordError(message(e));
            s.logFailure(LOG, e);
        } finally {
            s.turns().finish(batch.tickets[j]);
        }
    }

    /** The runtime was retired between gathering and leasing: the pre-processed frames are dropped, and counted. */
    private void skipAll(int m) {
        for (int j = 0; j < m; j++) {
            batch.streams[j].slot().skipped();
        }
    }

    private void failAll(int m, String message, Throwable e) {
        StringBuilder ids = new StringBuilder();
        for (int j = 0; j < m; j++) {
            batch.streams[j].recordError(message);
            ids.append(j == 0 ? "" : ", ").append(batch.streams[j].id());
        }
        LOG.log(Level.WARNING, message + " (streams " + ids + ")", e);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
