package io.posegate.gateway.ingest;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.net.SourceRefusedException;
import io.posegate.gateway.security.Redaction;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one stream's source on its own daemon thread: open, read frames into the sink, and after a
 * failure reopen with exponential backoff (capped), so a dead camera never stalls other streams.
 * States: starting, live, reconnecting (attempt n, next try at), failed (after {@link Backoff#maxAttempts()},
 * or at once when policy refuses the source: {@link SourceRefusedException}),
 * ended (a file without loop), stopped. Any failure of the source, an {@link Error} such as an
 * OutOfMemoryError from a decoder included, closes it and counts as a failed attempt: the decode thread
 * never dies of it and the state names it. The listener is called once with STARTING on the thread that calls
 * {@link #start()}, then on the decode thread (and once on the closing thread with STOPPED); it must not block.
 * Never touches an event loop.
 *
 * <p>Typical use: {@code new SourceSupervisor(id, factory.create(spec), slot, Backoff.defaults(), listener).start()},
 * and {@link #close()} when the stream is removed or changed. The frames themselves move through a
 * {@link FramePump} on a {@link DecodeThread}.
 */
public final class SourceSupervisor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SourceSupervisor.class.getName());

    private final String streamId;
    private final FrameSource source;
    private final Backoff backoff;
    private final Consumer<SourceState> listener;
    private final FramePump pump;
    private final DecodeThread thread;
    private volatile SourceState state = SourceState.STARTING;
    private volatile boolean stopped;

    public SourceSupervisor(String streamId, FrameSource source, FrameSink sink, Backoff backoff, Consumer<SourceState> listener) {
        this.streamId = requireNonNull(streamId, "streamId is null");
        this.source = requireNonNull(source, "source is null");
        requireNonNull(sink, "sink is null");
        this.backoff = requireNonNull(backoff, "backoff is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.pump = new FramePump(source, sink, () -> stopped);
        this.thread = new DecodeThread("posegate-source-" + streamId, this::loop);
        source.attach(sink);
    }

    /**
     * Starts the stream's decode thread (once). Tells the listener {@code starting} first, on the calling thread, so
     * a stream that replaces another (same id) is announced right after the old one's {@code stopped}.
     */
    public void start() {
        setState(SourceState.STARTING);
        thread.start();
    }

    /** The current state; readable from any thread. */
    public SourceState state() {
        return state;
    }

    /**
     * Frames lost to errors: reads that failed plus frames the source skipped as corrupt. Frames dropped
     * by design (latest-wins) are counted by the frame slot, not here.
     */
    public long framesLost() {
        return pump.failedReads() + source.corruptFrames();
    }

    public String describe() {
        return source.describe();
    }

    /** Frames published to the sink since start. */
    public long framesPublished() {
        return pump.published();
    }

    private void loop() {
        int attempt = 0;
        while (!stopped) {
            try {
                source.open();
                while (!stopped && pump.readOne()) {
                    if (state.phase() != SourceState.Phase.LIVE) {
                        if (attempt > 0) {
                            LOG.log(Level.INFO, "stream {0}: live again after {1} attempt(s)", new Object[] {streamId, attempt});
                        }
                        attempt = 0;
                        setState(SourceState.LIVE);
                    }
                }
                source.close();
                if (!stopped) {
                    setState(new SourceState(SourceState.Phase.ENDED, 0, null, "end of stream"));
                }
                return;
            } catch (Exception | Error e) {
                closeSource();
                if (stopped) {
                    return;
                }
                attempt++;
                String reason = Redaction.text(reasonOf(e));
                if (attempt > backoff.maxAttempts() || e instanceof SourceRefusedException) {
                    setState(SourceState.failed(reason));
                    LOG.log(Level.WARNING, "stream {0} failed: {1}", new Object[] {streamId, reason});
                    return;
                }
                Duration wait = backoff.delay(attempt);
                setState(SourceState.reconnecting(attempt, Instant.now().plus(wait), reason));
                if (e instanceof Error) {
                    LOG.log(Level.WARNING, "stream " + streamId + ": source " + Redaction.text(source.describe())
                            + " failed with an error; reconnect attempt " + attempt + " in " + wait.toMillis() + " ms", e);
                } else {
                    LOG.log(Level.WARNING, "stream {0}: {1}; reconnect attempt {2} in {3} ms",
                            new Object[] {streamId, reason, attempt, wait.toMillis()});
                }
                sleep(wait);
            }
        }
    }

    /**
     * Why the source failed, for the stream's state. An {@link Error} (an OutOfMemoryError from a decoder, a
     * missing native library) names its type, since its message alone ("Java heap space") says little.
     */
    private static String reasonOf(Throwable e) {
        if (e instanceof Error) {
            return "source failed with " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Closes the source after a failure; a failure to close is logged, it must not end the decode thread. */
    private void closeSource() {
        try {
            source.close();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "stream " + streamId + ": closing the source failed", e);
        }
    }

    private void setState(SourceState s) {
        if (stopped && s.phase() != SourceState.Phase.STOPPED) {
            return;
        }
        state = s;
        listener.accept(s);
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /**
     * Stops the stream without waiting: the source is closed and the decode thread interrupted. A read
     * blocked inside FFmpeg ends at the latest after the network timeout; the thread then exits.
     * Safe from any thread, idempotent; other streams are not affected.
     */
    @Override
    public void close() {
        stopped = true;
        source.close();
        thread.interrupt();
        setState(new SourceState(SourceState.Phase.STOPPED, 0, null, null));
    }

    /** Waits up to {@code timeout} for the decode thread to exit after {@link #close()}; true if it did. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return thread.awaitExit(timeout);
    }

    /**
     * Exponential backoff: initial * 2^(attempt-1), capped at max; gives up after maxAttempts
     * (Integer.MAX_VALUE = never).
     */
    public record Backoff(Duration initial, Duration max, int maxAttempts) {
        public static Backoff defaults() {
            return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), Integer.MAX_VALUE);
        }

        public Duration delay(int attempt) {
            long ms = initial.toMillis() << Math.min(20, attempt - 1);
            return Duration.ofMillis(Math.min(ms, max.toMillis()));
        }
    }
}
