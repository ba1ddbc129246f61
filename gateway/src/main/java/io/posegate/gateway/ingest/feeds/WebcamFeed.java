package io.posegate.gateway.ingest.feeds;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.jpeg.JpegHeader;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue between a browser's WebSocket and a {@code webcam:} stream's decode thread.
 * {@link #submitJpeg} is cheap and never blocks, so the WebSocket handler may call it on an event loop:
 * it checks size, rate and the JPEG's SOF dimensions, and only queues bytes; decoding happens on the
 * stream's own thread. Thread-safe.
 */
public final class WebcamFeed {
    private final String name;
    private final WebcamLimits limits;
    private final BlockingQueue<byte[]> queue;
    private final long minIntervalNanos;
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong overwritten = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger feeders = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong departures = new AtomicLong();
    private final AtomicLong joins = new AtomicLong();
    private long lastAccepted = Long.MIN_VALUE;

    public WebcamFeed(String name, WebcamLimits limits) {
        this.name = requireNonNull(name, "name is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.queue = new ArrayBlockingQueue<>(limits.queueCapacity());
        this.minIntervalNanos = Math.round(1e9 / limits.maxFps() * 0.9);
    }

    /**
     * Offers one JPEG from the browser. The array is kept (not copied): the caller must not reuse it.
     *
     * @return ACCEPTED, or RATE_LIMITED when it came faster than the frame-rate limit (it is discarded)
     * @throws IllegalArgumentException when it is too large, not a JPEG, or its SOF header declares a
     *                                  picture larger than the limits; the message says which
     */
    public Verdict submitJpeg(byte[] jpeg) {
        requireNonNull(jpeg, "jpeg is null");
        if (jpeg.length > limits.maxBytes()) {
            throw new IllegalArgumentException("webcam frame of " + jpeg.length + " bytes exceeds the limit of "
                    + limits.maxBytes() + " bytes");
        }
        JpegHeader header = JpegHeader.read(jpeg, jpeg.length);
        if (header.width() > limits.maxWidth() || header.height() > limits.maxHeight()
                || header.width() == 0 || header.height() == 0) {
            throw new IllegalArgumentException("webcam frame of " + header.width() + "x" + header.height()
                    + " is outside the limit of " + limits.maxWidth() + "x" + limits.maxHeight());
        }
        synchronized (this) {
            long now = System.nanoTime();
            if (lastAccepted != Long.MIN_VALUE && now - lastAccepted < minIntervalNanos) {
                rateLimited.incrementAndGet();
                return Verdict.RATE_LIMITED;
            }
            lastAccepted = now;
            while (!queue.offer(jpeg)) {
                if (queue.poll() != null) {
                    overwritten.incrementAndGet();
                }
            }
        }
        return Verdict.ACCEPTED;
    }

    /** The next JPEG, waiting at most {@code timeoutMillis}; null when none came. */
    public byte[] poll(long timeoutMillis) throws InterruptedException {
        return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** A socket started sending frames here. */
    public void feederJoined() {
        joins.incrementAndGet();
        feeders.incrementAndGet();
    }

    /** How many times a socket started sending frames here (it only grows). */
    public long joins() {
        return joins.get();
    }

    /** A socket that sent frames here closed; when it was the last one, that counts as a departure. */
    public void feederLeft() {
        if (feeders.decrementAndGet() == 0) {
            departures.incrementAndGet();
        }
    }

    /** Open sockets that have sent frames here. */
    public int feeders() {
        return feeders.get();
    }

    /** How many times the last feeding socket closed. */
    public long departures() {
        return departures.get();
    }

    public void clear() {
        queue.clear();
    }

    public String name() {
        return name;
    }

    /** Frames refused for coming faster than the limit. */
    public long rateLimited() {
        return rateLimited.get();
    }

    /** Queued frames replaced by newer ones before the decode thread took them. */
    public long overwritten() {
        return overwritten.get();
    }

    /** The outcome of {@link #submitJpeg}. */
    public enum Verdict { ACCEPTED, RATE_LIMITED }
}
