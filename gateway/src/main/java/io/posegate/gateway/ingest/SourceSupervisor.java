package io.posegate.gateway.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one stream's source on its own daemon thread: open, read frames into the sink, and after a
 * failure reopen with exponential backoff (capped). Never touches an event loop.
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
    }

    public synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::loop, "posegate-source-" + streamId);
            thread.setDaemon(true);
            thread.start();
        }
    }

    public SourceState state() {
        return state;
    }

    /** Frames lost to errors (not the ones dropped by design in the frame slot). */
    public long framesLost() {
        return lost.get();
    }

    public String describe() {
        return source.describe();
    }

    private void loop() {
        int attempt = 0;
        while (!stopped) {
            try {
                source.open();
                boolean more = true;
                while (!stopped && more) {
                    VideoFrame frame = sink.acquire();
                    more = source.read(frame);
                    if (more) {
                        frame.stamp(sequence.getAndIncrement(), frame.captureEpochMillis(), frame.decodeMillis());
                        sink.publish(frame);
                        if (state.phase() != SourceState.Phase.LIVE) {
                            attempt = 0;
                            setState(SourceState.LIVE);
                        }
                    } else {
                        sink.recycle(frame);
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
                lost.incrementAndGet();
                attempt++;
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                if (attempt > backoff.maxAttempts()) {
                    setState(SourceState.failed(reason));
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

    private void setState(SourceState s) {
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

    @Override
    public void close() {
        stopped = true;
        source.close();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        state = new SourceState(SourceState.Phase.STOPPED, 0, null, null);
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
