package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputTransform;
import io.posegate.gateway.model.ModelDescriptor;
import java.util.HashMap;
import java.util.Map;

/**
 * One worker's runs of one frame at a time (no batching): takes the claimed stream's frame, pre-processes,
 * runs, groups and publishes it with this worker's {@link FrameProcessor} for the model. Not thread-safe:
 * one per worker, except {@link #skipTurn}, which the watchdog may call.
 */
final class SingleFrameRun {
    private final InferenceScheduler scheduler;
    private final InferenceWorker worker;
    private final Map<ModelDescriptor, FrameProcessor> processors = new HashMap<>();
    private ModelDescriptor lastDescriptor;
    private FrameProcessor lastProcessor;
    private volatile long turn = -1;

    SingleFrameRun(InferenceScheduler scheduler, InferenceWorker worker) {
        this.scheduler = scheduler;
        this.worker = worker;
    }

    /**
     * Takes the stream's frame, then lets the stream go so that another worker can pre-process its next
     * frame while this one is in the network, and group it while the next is; tracking and publishing
     * wait for the stream's earlier frames ({@link FrameTurns}), so results stay in order.
     */
    void process(StreamPipeline s) throws InterruptedException {
        ModelRuntime bound = s.runtime();
        VideoFrame frame = s.slot().take();
        if (frame == null || bound == null) {
            if (frame != null) {
                s.slot().recycle(frame);
            }
            return;
        }
        long ticket = s.turns().issue();
        turn = ticket;
        s.unclaim(worker);
        scheduler.wake();
        try {
            processTaken(s, bound, frame, ticket);
        } finally {
            turn = -1;
            s.turns().finish(ticket);
        }
    }

    private void processTaken(StreamPipeline s, ModelRuntime bound, VideoFrame frame, long ticket) throws InterruptedException {
        FrameProcessor fp = processorFor(bound.descriptor());
        long t0 = System.nanoTime();
        InputTransform t;
        TakenFrame taken;
        try {
            t = fp.preprocess(frame);
            taken = TakenFrame.of(frame, (System.nanoTime() - t0) / 1e6);
        } finally {
            s.slot().recycle(frame);
        }
        double inferMs;
        String label;
        try (RuntimeLease l = leaseFor(s)) {
            if (l == null) {
                s.slot().skipped();
                return;
            }
            label = l.runtime().label();
            worker.leased(l);
            try {
                inferMs = fp.infer(l);
            } finally {
                worker.leased(null);
            }
        }
        double groupMs = fp.group(t, s.usesAppearance());
        taken.publish(s, fp, ticket, label, inferMs, groupMs, scheduler.publisher());
    }

    /**
     * This worker's processor for {@code d}. The last one used is found by identity: hashing a descriptor
     * (a deep record) on every frame showed in profiles of the worker.
     */
    private FrameProcessor processorFor(ModelDescriptor d) {
        if (d != lastDescriptor) {
            lastProcessor = processors.computeIfAbsent(d, FrameProcessor::new);
            lastDescriptor = d;
        }
        return lastProcessor;
    }

    /** Finishes the ticket of the frame in flight on {@code s} (the worker's current stream), if any. */
    void skipTurn(StreamPipeline s) {
        long t = turn;
        if (s != null && t >= 0) {
            s.turns().finish(t);
        }
    }

    /**
     * A lease on the stream's runtime. If that runtime was retired (swapped out, poisoned) since it was read,
     * the stream has been, or is being, bound to another: move to it. Null when none is available right now
     * (the frame is then skipped and counted as dropped; the next one goes to the new runtime).
     */
    private static RuntimeLease leaseFor(StreamPipeline s) throws InterruptedException {
        for (int attempt = 0; attempt < 3; attempt++) {
            ModelRuntime rt = s.runtime();
            if (rt == null) {
                return null;
            }
            RuntimeLease l = rt.lease();
            if (l != null) {
                return l;
            }
        }
        return null;
    }
}
