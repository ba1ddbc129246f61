package io.posegate.gateway.ingest;

/**
 * The size a decoded picture is converted to, in pixels. When it is smaller than the stream's own size,
 * the frame's {@link VideoFrame#displayWidth() display size} keeps the stream's size so that results are
 * still reported in the stream's pixels.
 */
public record DecodeSize(int width, int height) {
    public DecodeSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("decode size must be positive, got " + width + "x" + height);
        }
    }
}
