package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One inference worker thread ({@code posegate-infer-N}, {@code posegate-infer-N.G} for its G-th
 * replacement). Every failure of a frame, whatever its type, is counted against that frame's stream and
 * the worker goes on; only a virtual-machine error (other than a stack overflow) ends the thread, after
 * counting it on the frame's stream, and the scheduler then replaces it. A worker the watchdog abandoned
 * leaves its stream alone and ends as soon as its hung run returns, however that run ends.
 * It runs one frame at a time ({@link SingleFrameRun}) or, where the runtime batches, cross-stream
 * batches ({@link BatchRun}).
 */
final class InferenceWorker implements Runnable {
    private static final Logger LOG = Logger.getLogger(InferenceWorker.class.getName());

    private final InferenceScheduler scheduler;
    private final int index;
    private final int generation;
    private final Thread thread;
    private final SingleFrameRun singles;
    private final BatchRun batches;
    private volatile StreamPipeline current;
    private volatile RuntimeLease lease;
    private volatile boolean abandoned;

    InferenceWorker(InferenceScheduler scheduler, int index, int generation) {
        this.scheduler = scheduler;
        this.index = index;
        this.generation = generation;
        this.thread = new Thread(this, "posegate-infer-" + index + (generation == 0 ? "" : "." + generation));
        thread.setDaemon(true);
        this.singles = new SingleFrameRun(scheduler, this);
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

    /** Called by {@link SingleFrameRun} and {@link BatchRun} around a run, so the watchdog sees the lease. */
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
        while (!scheduler.stopped() && !abandoned) {
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
                    singles.process(s);
                }
            } catch (RuntimeLease.Abandoned e) {
                abandoned = true;
                LOG.warning(thread.getName() + ": " + e.getMessage() + "; this worker was replaced and ends");
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Throwable e) {
                if (abandoned) {
                    LOG.log(Level.WARNING, thread.getName() + ": a run the watchdog gave up on failed when it returned; "
                            + "this worker was replaced and ends", e);
                    return;
                }
                s.recordError(e.getMessage() == null ? e.toString() : e.getMessage());
                if (endsWorker(e)) {
                    throw e;
                }
                s.logFailure(LOG, e);
            } finally {
                current = null;
                s.unclaim(this);
                scheduler.wake();
            }
        }
    }

    /**
     * True for the failures that end a worker instead of failing a frame: virtual-machine errors other
     * than a stack overflow (the scheduler then replaces the worker).
     */
    static boolean endsWorker(Throwable e) {
        return e instanceof VirtualMachineError && !(e instanceof StackOverflowError);
    }

    /** The watchdog gave up on this worker: frames of its stream after the one it held may go on. */
    void skipTurn() {
        singles.skipTurn(current);
        batches.skipTurns();
    }
}
