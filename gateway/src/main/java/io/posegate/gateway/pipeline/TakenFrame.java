package io.posegate.gateway.pipeline;

import io.posegate.gateway.ingest.VideoFrame;
import java.util.function.Consumer;

/**
 * What a frame was when a worker took it, kept because the {@link VideoFrame} itself goes back to its
 * slot right after pre-processing; and the last step every frame shares, single or batched: wait for the
 * stream's earlier frames, track, record the latency and publish.
 */
record TakenFrame(long seq, long capture, int width, int height, double decodeMs, double preMs) {

    static TakenFrame of(VideoFrame f, double preMs) {
        return new TakenFrame(f.sequence(), f.captureEpochMillis(), f.displayWidth(), f.displayHeight(), f.decodeMillis(), preMs);
    }

    /**
     * Waits for the turn {@code ticket} on {@code s} ({@link FrameTurns}), tracks the people {@code fp} grouped,
     * and publishes them; the tracking time counts as grouping time. The caller finishes the ticket.
     */
    void publish(StreamPipeline s, FrameProcessor fp, long ticket, String label, double inferMs, double groupMs,
            Consumer<PoseFrame> publisher) throws InterruptedException {
        s.turns().await(ticket);
        long t1 = System.nanoTime();
        if (s.tracker() != null) {
            s.tracker().track(fp.poses(), capture);
        }
        double grouped = groupMs + (System.nanoTime() - t1) / 1e6;
        double total = Math.max(0, System.currentTimeMillis() - capture);
        Latency latency = new Latency(decodeMs, preMs, inferMs, grouped, total);
        s.recordFrame(latency);
        publisher.accept(fp.toFrame(s.id(), seq, capture, width, height, label, s.state(), latency, s.slot().dropped()));
    }
}
