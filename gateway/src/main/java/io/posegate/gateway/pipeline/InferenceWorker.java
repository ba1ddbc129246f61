package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputTransform;
import io.posegate.gateway.model.ModelDescriptor;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One inference worker thread ({@code posegate-infer-N}, {@code posegate-infer-N.G} for its G-th
 * replacement). Every failure of a frame, whatever its type, is counted against that frame's stream and
 * the worker goes on; only a virtual-machine error (other than a stack overflow) ends the thread, and the
 * scheduler then replaces it. A worker the watchdog abandoned leaves its stream alone and ends quietly.
 */
final class InferenceWorker implements Runnable {
    private static final Logger LOG = Logger.getLogger(InferenceWorker.class.getName());

    private final InferenceScheduler scheduler;
    private final int index;
    private final int generation;
    private final Thread thread;
    private final Map<ModelDescriptor, FrameProcessor> processors = new HashMap<>();
    private ModelDescriptor lastDescriptor;
    private FrameProcessor lastProcessor;
    private final BatchRun batches;
    private volatile StreamPipeline current;
    private volatile RuntimeLease lease;
    private volatile boolean abandoned;
    private volatile long turn = -1;

    InferenceWorker(InferenceScheduler scheduler, int index, int generation) {
        this.scheduler = scheduler;
        this.index = index;
        this.generation = generation;
        this.thread = new Thread(this, "posegate-infer-" + index + (generation == 0 ? "" : "." + generation));
        thread.setDaemon(true);
        this.batches = new BatchRun(scheduler, this);
    }

    void start() {
        thread.start();
    }

    void interrupt() {
        thread.interrupt();
    }

    int index() {
        return index;
    }

    int generation() {
        return generation;
    }

    String name() {
        return thread.getName();
    }

    StreamPipeline current() {
        return current;
    }

    /** The streams whose frames this worker holds: those of its batch in flight, else its current stream. */
    StreamPipeline[] currentStreams() {
        StreamPipeline[] batch = batches.streams();
        if (batch.length > 0) {
            return batch;
        }
        StreamPipeline s = current;
        return s == null ? new StreamPipeline[0] : new StreamPipeline[] {s};
    }

    /** Called by {@link BatchRun} around a batched run, so the watchdog sees the lease. */
    void leased(RuntimeLease l) {
        lease = l;
    }

    RuntimeLease lease() {
        return lease;
    }

    boolean abandoned() {
        return abandoned;
    }

    void abandon() {
        abandoned = true;
    }

    @Override
    public void run() {
        Throwable cause = null;
        try {
            loop();
        } catch (Throwable t) {
            cause = t;
        } finally {
            scheduler.exited(this, cause);
        }
    }

    private void loop() throws InterruptedException {
        while (!scheduler.stopped()) {
            StreamPipeline s = scheduler.awaitNext(this);
            if (s == null) {
                return;
            }
            current = s;
            try {
                ModelRuntime rt = s.runtime();
                int limit = scheduler.batchLimit(rt);
                if (limit > 1) {
                    batches.process(s, rt, limit);
                } else {
                    process(s);
                }
            } catch (RuntimeLease.Abandoned e) {
                abandoned = true;
                LOG.warning(thread.getName() + ": " + e.getMessage() + "; this worker was replaced and ends");
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Throwable e) {
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                    throw e;
                }
                s.recordError(e.getMessage() == null ? e.toString() : e.getMessage());
                LOG.log(Level.WARNING, "stream " + s.id() + ": frame failed: " + e, e);
            } finally {
                current = null;
                s.unclaim(this);
                scheduler.wake();
            }
        }
    }

    /**
     * Takes the stream's frame, then lets the stream go so that another worker can pre-process its next
     * frame while this one is in the network, and group it while the next is; tracking and publishing
     * wait for the stream's earlier frames ({@link FrameTurns}), so results stay in order.
     */
    private void process(StreamPipeline s) throws InterruptedException {
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
        s.unclaim(this);
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
                return;
            }
            label = l.runtime().label();
            lease = l;
            try {
                inferMs = fp.infer(l);
            } finally {
                lease = null;
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

    /** The watchdog gave up on this worker: frames of its stream after the one it held may go on. */
    void skipTurn() {
        StreamPipeline s = current;
        long t = turn;
        if (s != null && t >= 0) {
            s.turns().finish(t);
        }
        batches.skipTurns();
    }

    /**
     * A lease on the stream's runtime. If that runtime was retired (swapped out, poisoned) since it was read,
     * the stream has been, or is being, bound to another: move to it. Null when none is available right now
     * (the frame is then skipped; the next one goes to the new runtime).
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
