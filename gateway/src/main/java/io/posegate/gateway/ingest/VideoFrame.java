package io.posegate.gateway.ingest;

/**
 * One decoded picture in packed 8-bit BGR (stride = width * 3), the layout FFmpeg's {@code bgr24},
 * OpenCV and Java2D's {@code TYPE_3BYTE_BGR} share. Frames are pooled: a source fills a frame it was
 * given, reusing its array when big enough, so steady-state decoding allocates nothing.
 *
 * <p>Not thread-safe: handed from the source thread to an inference worker through a
 * {@link io.posegate.gateway.pipeline.FrameSlot}, which gives the happens-before edge.
 */
public final class VideoFrame {
    private byte[] bgr = new byte[0];
    private int width;
    private int height;
    private int displayWidth;
    private int displayHeight;
    private long sequence;
    private long captureEpochMillis;
    private double decodeMillis;

    /** Makes room for a width x height picture, reusing the array when it is big enough. */
    public byte[] reshape(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad frame size " + width + "x" + height);
        }
        int need = Math.multiplyExact(Math.multiplyExact(width, height), 3);
        if (bgr.length < need) {
            bgr = new byte[need];
        }
        this.width = width;
        this.height = height;
        this.displayWidth = width;
        this.displayHeight = height;
        return bgr;
    }

    /**
     * Records that this picture stands for a {@code width x height} one (the stream's size) that was
     * scaled down while decoding, so results are mapped back to the stream's pixels. Call after
     * {@link #reshape}.
     */
    public void showAs(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad display size " + width + "x" + height);
        }
        this.displayWidth = width;
        this.displayHeight = height;
    }

    /** Packed BGR bytes; only the first width*height*3 are meaningful. */
    public byte[] bgr() {
        return bgr;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The stream's picture width that results are reported in; equals {@link #width()} unless scaled while decoding. */
    public int displayWidth() {
        return displayWidth;
    }

    /** The stream's picture height that results are reported in. */
    public int displayHeight() {
        return displayHeight;
    }

    /** Frame number within the stream, from 0, counting every frame the source produced. */
    public long sequence() {
        return sequence;
    }

    public long captureEpochMillis() {
        return captureEpochMillis;
    }

    public double decodeMillis() {
        return decodeMillis;
    }

    public void stamp(long sequence, long captureEpochMillis, double decodeMillis) {
        this.sequence = sequence;
        this.captureEpochMillis = captureEpochMillis;
        this.decodeMillis = decodeMillis;
    }

    /** Copies picture and stamps from {@code other} into this frame. */
    public void copyFrom(VideoFrame other) {
        byte[] dst = reshape(other.width, other.height);
        System.arraycopy(other.bgr, 0, dst, 0, other.width * other.height * 3);
        showAs(other.displayWidth, other.displayHeight);
        stamp(other.sequence, other.captureEpochMillis, other.decodeMillis);
    }
}
