package io.posegate.gateway.ingest;

/**
 * A stream's preview picture (the MJPEG view and {@code frame.jpg}), made by the source apart from the
 * frames for inference: at its own size (as wide as the viewer asked, the stream's aspect kept, never
 * wider than the stream) and only while someone watches, at most as often as the viewer asked. Viewers
 * call {@link #want} each time they fetch a picture; a source that supports previews checks {@link #due()}
 * for every decoded picture and, when due, converts it into {@link #canvas()} and {@link #publish()}es it.
 *
 * <p>Thread-safe: one source thread writes, any number of viewers read.
 */
public final class PreviewTap {
    private static final long WATCH_NANOS = 2_000_000_000L;
    private volatile int maxWidth;
    private volatile long intervalMillis;
    private volatile long wantedAt = Long.MIN_VALUE;
    private long lastMade = Long.MIN_VALUE;
    private VideoFrame canvas = new VideoFrame();
    private VideoFrame latest;
    private long made;

    /**
     * @param maxWidth       the widest preview in pixels until a viewer asks otherwise
     * @param intervalMillis the shortest time between two previews until a viewer asks otherwise
     */
    public PreviewTap(int maxWidth, long intervalMillis) {
        checkWidth(maxWidth);
        this.maxWidth = maxWidth;
        this.intervalMillis = Math.max(0, intervalMillis);
    }

    private static void checkWidth(int width) {
        if (width < 16) {
            throw new IllegalArgumentException("preview width must be at least 16 pixels, got " + width);
        }
    }

    public int maxWidth() {
        return maxWidth;
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    /** A viewer wants pictures for the next two seconds, at the current width and rate. */
    public void want() {
        wantedAt = System.nanoTime();
    }

    /** A viewer wants pictures for the next two seconds, {@code width} pixels wide, one per {@code intervalMillis}. */
    public void want(int width, long intervalMillis) {
        checkWidth(width);
        this.maxWidth = width;
        this.intervalMillis = Math.max(0, intervalMillis);
        want();
    }

    /** Source thread: true if a picture decoded now should be made into a preview. */
    public boolean due() {
        long now = System.nanoTime();
        long w = wantedAt;
        if (w == Long.MIN_VALUE || now - w > WATCH_NANOS) {
            return false;
        }
        return lastMade == Long.MIN_VALUE || now - lastMade >= intervalMillis * 1_000_000L;
    }

    /** The preview size for a {@code width x height} stream. */
    public DecodeSize size(int width, int height) {
        if (width <= maxWidth) {
            return new DecodeSize(width, height);
        }
        return new DecodeSize(maxWidth, Math.max(1, Math.round((float) height * maxWidth / width)));
    }

    /** Source thread: the frame to convert the next preview into. */
    public VideoFrame canvas() {
        return canvas;
    }

    /** Source thread: makes the canvas the latest preview. */
    public synchronized void publish() {
        VideoFrame done = canvas;
        done.stamp(made++, System.currentTimeMillis(), 0);
        canvas = latest != null ? latest : new VideoFrame();
        latest = done;
        lastMade = System.nanoTime();
    }

    /** Copies the latest preview into {@code into}; null when none was made in the last two seconds. */
    public synchronized VideoFrame copyLatest(VideoFrame into) {
        if (latest == null || System.nanoTime() - lastMade > WATCH_NANOS) {
            return null;
        }
        into.copyFrom(latest);
        return into;
    }
}
