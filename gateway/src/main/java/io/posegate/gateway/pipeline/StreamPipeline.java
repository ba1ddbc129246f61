package io.posegate.gateway.pipeline;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.SourceState;
import io.posegate.gateway.ingest.SourceSupervisor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One stream: its source on a dedicated thread, its latest-frame slot, the model runtime it is bound
 * to (swappable between two frames) and its counters. Workers claim a stream with {@link #tryClaim(Object)}
 * so that one stream's frames are processed in order, one at a time, and its tracker is never shared.
 */
public final class StreamPipeline implements AutoCloseable {
    private final String id;
    private final SourceSpec spec;
    private final FrameSlot slot;
    private final SourceSupervisor supervisor;
    private final AtomicReference<Object> owner = new AtomicReference<>();
    private final AtomicLong waitingSince = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final PoseTracker tracker;
    private volatile ModelRuntime runtime;
    private volatile String failure;
    private volatile Latency lastLatency;
    private volatile String lastError;
    private final RateMeter fps = new RateMeter();
    private final FrameTurns turns = new FrameTurns();
    private final FailureLog failureLog = new FailureLog();

    public StreamPipeline(String id, SourceSpec spec, FrameSource source, SourceSupervisor.Backoff backoff, ModelRuntime runtime,
                          PoseTracker tracker, Runnable wake, Consumer<SourceState> onState) {
        this.id = requireNonNull(id, "id is null");
        this.spec = requireNonNull(spec, "spec is null");
        this.runtime = runtime;
        this.tracker = tracker;
        this.slot = new FrameSlot(() -> {
            waitingSince.compareAndSet(0, System.nanoTime());
            wake.run();
        });
        this.supervisor = new SourceSupervisor(id, source, slot, backoff, onState);
        fitSlot(runtime);
    }

    private void fitSlot(ModelRuntime rt) {
        slot.fitTo(rt == null ? null : rt.descriptor().input());
    }

    public void start() {
        supervisor.start();
    }

    public String id() {
        return id;
    }

    public SourceSpec spec() {
        return spec;
    }

    public FrameSlot slot() {
        return slot;
    }

    public SourceSupervisor supervisor() {
        return supervisor;
    }

    public PoseTracker tracker() {
        return tracker;
    }

    /** Whether this stream's people need their limb colours: its tracker uses appearance. */
    boolean usesAppearance() {
        return tracker != null && tracker.usesAppearance();
    }

    /** The runtime frames are sent to; null while the stream has none (its backend failed to open). */
    public ModelRuntime runtime() {
        return runtime;
    }

    /** Binds the stream to another runtime; takes effect from the next frame. Returns the old one. */
    public ModelRuntime bind(ModelRuntime next) {
        ModelRuntime old = runtime;
        runtime = next;
        fitSlot(next);
        if (next != null) {
            failure = null;
        }
        return old;
    }

    /** Marks the stream failed (for a reason outside its source, such as its model), keeping the others running. */
    public void fail(String reason) {
        failure = reason;
    }

    /** The state shown to users: the pipeline's failure if any, else the source's state. */
    public SourceState state() {
        String f = failure;
        return f != null ? SourceState.failed(f) : supervisor.state();
    }

    /** Orders this stream's frames at tracking and publishing while workers overlap on them. */
    FrameTurns turns() {
        return turns;
    }

    /** Claims the stream for {@code worker}; false if another worker has it. */
    boolean tryClaim(Object worker) {
        return owner.compareAndSet(null, worker);
    }

    /** Releases the claim if {@code worker} still holds it (the watchdog may have released it already). */
    void unclaim(Object worker) {
        owner.compareAndSet(worker, null);
    }

    /**
     * How long frames have been waiting with none of them processed, in nanoseconds at {@code nowNanos}
     * (0 when nothing waits). A healthy stream stays well below its frame interval plus one inference.
     */
    public long waitingNanos(long nowNanos) {
        long since = waitingSince.get();
        return since == 0 ? 0 : Math.max(0, nowNanos - since);
    }

    void recordFrame(Latency latency) {
        waitingSince.set(slot.hasFrame() ? System.nanoTime() : 0);
        processed.incrementAndGet();
        lastLatency = latency;
        fps.tick();
    }

    void recordError(String message) {
        errors.incrementAndGet();
        lastError = message;
    }

    /** Logs a failed frame of this stream, at most one line with its stack trace every 10 s ({@link FailureLog}). */
    void logFailure(java.util.logging.Logger log, Throwable e) {
        failureLog.failed(log, id, e);
    }

    public long processed() {
        return processed.get();
    }

    /** Frames that failed in inference or grouping. */
    public long errors() {
        return errors.get();
    }

    public String lastError() {
        return lastError;
    }

    public Latency lastLatency() {
        return lastLatency;
    }

    public double fps() {
        return fps.rate();
    }

    @Override
    public void close() {
        supervisor.close();
    }
}
