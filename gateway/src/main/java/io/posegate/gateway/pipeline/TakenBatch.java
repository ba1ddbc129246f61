package io.posegate.gateway.pipeline;

import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputTransform;
import java.util.Arrays;

/**
 * The batch a {@link BatchRun} has in flight: the streams it gathered, the frames taken from them with
 * their {@link FrameTurns} tickets, and, once pre-processed, each item's placement and timing. Item j of
 * the batch is {@code streams[j]} with {@code tickets[j]}. The arrays grow to the largest batch and are
 * reused. Written by the worker only; {@link #skipTurns} and {@link #streams()} may be called by the
 * watchdog, which sees the first {@code taken} entries.
 */
final class TakenBatch {
    StreamPipeline[] gathered = new StreamPipeline[0];
    StreamPipeline[] streams = new StreamPipeline[0];
    VideoFrame[] frames = new VideoFrame[0];
    long[] tickets = new long[0];
    InputTransform[] placements = new InputTransform[0];
    TakenFrame[] metas = new TakenFrame[0];
    private volatile int taken;

    /** Takes the waiting frame of each of the {@code n} gathered streams and issues its ticket; returns how many. */
    int take(int n) {
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
        return k;
    }

    /** Lets the {@code n} gathered streams go (their frames are taken). */
    void unclaim(int n, InferenceWorker worker) {
        for (int i = 0; i < n; i++) {
            gathered[i].unclaim(worker);
            gathered[i] = null;
        }
    }

    /**
     * Ends the batch: gives back to its slot any frame not pre-processed (a failure that ends the worker
     * left the batch early), finishes any ticket not finished yet and forgets the streams.
     */
    void clear() {
        int k = taken;
        for (int i = 0; i < k; i++) {
            if (frames[i] != null) {
                streams[i].slot().recycle(frames[i]);
                frames[i] = null;
            }
        }
        skipTurns();
        Arrays.fill(streams, null);
        taken = 0;
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

    /** Keeps the pre-processed frames first, so item j of the batch is streams[j] with tickets[j]. */
    void swap(int i, int m) {
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

    /** Makes room for batches of {@code limit} frames. */
    void ensure(int limit) {
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
