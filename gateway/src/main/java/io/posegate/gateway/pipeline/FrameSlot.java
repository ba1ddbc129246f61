package io.posegate.gateway.pipeline;

import io.posegate.gateway.ingest.FrameSink;
import io.posegate.gateway.ingest.VideoFrame;
import java.util.ArrayDeque;

/**
 * The latest-frame slot between a source thread and the inference workers. Three pooled frames
 * circulate (one being decoded, the latest, one being pre-processed), so neither side ever waits for
 * the other and no frame memory is allocated in steady state. Publishing over an unconsumed frame
 * recycles it and counts it as dropped by design.
 */
public final class FrameSlot implements FrameSink {
    private final ArrayDeque<VideoFrame> free = new ArrayDeque<>();
    private final Runnable onPublish;
    private VideoFrame latest;
    private VideoFrame lastPublished;
    private long dropped;
    private long published;

    /** @param onPublish called (outside the lock) after each publish, to wake the scheduler */
    public FrameSlot(Runnable onPublish) {
        this.onPublish = onPublish;
        for (int i = 0; i < 3; i++) {
            free.add(new VideoFrame());
        }
    }

    @Override
    public synchronized VideoFrame acquire() {
        VideoFrame f = free.poll();
        if (f == lastPublished) {
            lastPublished = null;
        }
        return f != null ? f : new VideoFrame();
    }

    @Override
    public void publish(VideoFrame frame) {
        synchronized (this) {
            if (latest != null) {
                free.add(latest);
                dropped++;
            }
            latest = frame;
            lastPublished = frame;
            published++;
        }
        onPublish.run();
    }

    @Override
    public synchronized void recycle(VideoFrame frame) {
        free.add(frame);
    }

    /** True if a frame is waiting. */
    public synchronized boolean hasFrame() {
        return latest != null;
    }

    /** Takes the latest frame, or null; give it back with {@link #recycle} once pre-processed. */
    public synchronized VideoFrame take() {
        VideoFrame f = latest;
        latest = null;
        return f;
    }

    /**
     * Copies the most recently published frame into {@code into} (for previews such as MJPEG), whether or
     * not a worker has taken it, as long as its buffer has not been handed back to the source for reuse.
     *
     * @return {@code into}, or null when no such frame is available right now
     */
    public synchronized VideoFrame peekCopy(VideoFrame into) {
        java.util.Objects.requireNonNull(into, "into is null");
        if (lastPublished == null) {
            return null;
        }
        into.copyFrom(lastPublished);
        return into;
    }

    /** Frames replaced before any worker took them. */
    public synchronized long dropped() {
        return dropped;
    }

    public synchronized long published() {
        return published;
    }
}
