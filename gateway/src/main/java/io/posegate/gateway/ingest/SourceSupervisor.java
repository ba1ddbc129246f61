package io.posegate.gateway.ingest;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.net.SourceRefusedException;
import io.posegate.gateway.security.Redaction;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one stream's source on its own daemon thread: open, read frames into the sink, and after a
 * failure reopen with exponential backoff (capped), so a dead camera never stalls other streams.
 * States: starting, live, reconnecting (attempt n, next try at), failed (after {@link Backoff#maxAttempts()},
 * or at once when policy refuses the source: {@link SourceRefusedException}),
 * ended (a file without loop), stopped. The listener is called on the decode thread (and once on the
 * closing thread with STOPPED); it must not block. Never touches an event loop.
 *
 * <p>Typical use: {@code new SourceSupervisor(id, factory.create(spec), slot, Backoff.defaults(), listener).start()},
 * and {@link #close()} when the stream is removed or changed.
 */
public final class SourceSupervisor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SourceSupervisor.class.getName());

    private final String streamId;
    private final FrameSource source;
    private final FrameSink sink;
    private final Backoff backoff;
    private final Consumer<SourceState> listener;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private volatile SourceState state = SourceState.STARTING;
    private volatile boolean stopped;
    private Thread thread;

    public SourceSupervisor(String streamId, FrameSource source, FrameSink sink, Backoff backoff, Consumer<SourceState> listener) {
        this.streamId = requireNonNull(streamId, "streamId is null");
        this.source = requireNonNull(source, "source is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.backoff = requireNonNull(backoff, "backoff is null");
        this.listener = requireNonNull(listener, "listener is null");
        source.attach(sink);
    }

    /** Starts the stream's decode thread (once). */
    public synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::loop, "posegate-source-" + streamId);
            thread.setDaemon(true);
            thread.start();
        }
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
        return lost.get() + source.corruptFrames();
    }

    public String describe() {
        return source.describe();
    }

    /** Frames published to the sink since start. */
    public long framesPublished() {
        return sequence.get();
    }

    private void loop() {
        int attempt = 0;
        while (!stopped) {
            try {
                source.open();
                while (!stopped && readOne()) {
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
            } catch (Exception e) {
                source.close();
                if (stopped) {
                    return;
                }
                attempt++;
                String reason = Redaction.text(e.getMessage() == null ? e.toString() : e.getMessage());
                if (attempt > backoff.maxAttempts() || e instanceof SourceRefusedException) {
                    setState(SourceState.failed(reason));
                    LOG.log(Level.WARNING, "stream {0} failed: {1}", new Object[] {streamId, reason});
                    return;
                }
                Duration wait = backoff.delay(attempt);
                setState(SourceState.reconnecting(attempt, Instant.now().plus(wait), reason));
                LOG.log(Level.WARNING, "stream {0}: {1}; reconnect attempt {2} in {3} ms",
                        new Object[] {streamId, reason, attempt, wait.toMillis()});
                sleep(wait);
            }
        }
    }

    /** Reads one frame into the sink; a frame the read failed on is recycled and counted as lost. */
    private boolean readOne() throws Exception {
        VideoFrame frame = sink.acquire();
        boolean published = false;
        try {
            if (!source.read(frame)) {
                return false;
            }
            frame.stamp(sequence.getAndIncrement(), frame.captureEpochMillis(), frame.decodeMillis());
            sink.publish(frame);
            published = true;
            return true;
        } catch (Exception e) {
            if (!stopped) {
                lost.incrementAndGet();
            }
            throw e;
        } finally {
            if (!published) {
                sink.recycle(frame);
            }
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
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
        }
        setState(new SourceState(SourceState.Phase.STOPPED, 0, null, null));
    }

    /** Waits up to {@code timeout} for the decode thread to exit after {@link #close()}; true if it did. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.join(Math.max(1, timeout.toMillis()));
            return !t.isAlive();
        }
        return true;
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
