package io.posegate.gateway.pipeline;

import io.posegate.gateway.ingest.DecodeSize;
import io.posegate.gateway.ingest.FrameSink;
import io.posegate.gateway.ingest.PreviewTap;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputSpec;
import java.util.ArrayDeque;

/**
 * The latest-frame slot between a source thread and the inference workers. Three pooled frames
 * circulate (one being decoded, the latest, one being pre-processed), so neither side ever waits for
 * the other and no frame memory is allocated in steady state. Publishing over an unconsumed frame
 * recycles it and counts it as dropped by design, as does a frame the source skipped before converting
 * it because the slot was still full.
 */
public final class FrameSlot implements FrameSink {
    /** The widest preview picture unless the config says otherwise. */
    public static final int DEFAULT_PREVIEW_WIDTH = 640;
    private final ArrayDeque<VideoFrame> free = new ArrayDeque<>();
    private final Runnable onPublish;
    private final PreviewTap preview;
    private volatile InputSpec fit;
    private VideoFrame latest;
    private VideoFrame lastPublished;
    private long dropped;
    private long published;

    /** @param onPublish called (outside the lock) after each publish, to wake the scheduler */
    public FrameSlot(Runnable onPublish) {
        this(onPublish, new PreviewTap(DEFAULT_PREVIEW_WIDTH, 40));
    }

    /** @param preview the stream's preview pictures, made by sources that support them */
    public FrameSlot(Runnable onPublish, PreviewTap preview) {
        this.onPublish = onPublish;
        this.preview = java.util.Objects.requireNonNull(preview, "preview is null");
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
        notifyAll();
        return f;
    }

    @Override
    public synchronized void awaitDemand() throws InterruptedException {
        while (latest != null) {
            wait();
        }
    }

    @Override
    public synchronized boolean full() {
        return latest != null;
    }

    @Override
    public synchronized void skipped() {
        dropped++;
    }

    /**
     * Asks sources that scale while decoding to deliver pictures no bigger than {@code spec}'s
     * pre-processing needs (null: the stream's own size). Takes effect from the next converted frame.
     */
    public void fitTo(InputSpec spec) {
        fit = spec;
    }

    @Override
    public DecodeSize decodeSize(int width, int height) {
        InputSpec f = fit;
        return f == null ? new DecodeSize(width, height) : ModelFit.of(f, width, height);
    }

    @Override
    public PreviewTap preview() {
        return preview;
    }

    /**
     * Copies the stream's latest preview into {@code into} (for the MJPEG view and snapshots) and asks the
     * source to keep making previews. A source that makes previews at their own size supplies them; for
     * the others it is the most recently published frame, whether or not a worker has taken it, as long as
     * its buffer has not been handed back to the source for reuse.
     *
     * @return {@code into}, or null when no picture is available right now
     */
    public VideoFrame peekCopy(VideoFrame into) {
        java.util.Objects.requireNonNull(into, "into is null");
        preview.want();
        return previewOrPublished(into);
    }

    /**
     * Like {@link #peekCopy(VideoFrame)}, asking for previews {@code width} pixels wide (the stream's width
     * at most), one per {@code intervalMillis}.
     */
    public VideoFrame peekCopy(VideoFrame into, int width, long intervalMillis) {
        java.util.Objects.requireNonNull(into, "into is null");
        preview.want(width, intervalMillis);
        return previewOrPublished(into);
    }

    private VideoFrame previewOrPublished(VideoFrame into) {
        if (preview.copyLatest(into) != null) {
            return into;
        }
        return peekPublished(into);
    }

    private synchronized VideoFrame peekPublished(VideoFrame into) {
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
