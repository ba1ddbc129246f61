package io.posegate.gateway.ingest;

/**
 * The size a stream's frames are scaled to: the spec's width and height when both are set, one of them
 * with the other following the source's aspect ratio, or the source's own size when neither is set.
 */
public record TargetSize(int width, int height) {
    public TargetSize {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("target size must not be negative, got " + width + "x" + height);
        }
    }

    public static TargetSize of(SourceSpec spec) {
        return new TargetSize(spec.width(), spec.height());
    }

    /** The output width for a source of the given size. */
    public int widthFor(int srcWidth, int srcHeight) {
        if (width > 0) {
            return width;
        }
        return height > 0 ? Math.max(1, (int) Math.round((double) height * srcWidth / srcHeight)) : srcWidth;
    }

    /** The output height for a source of the given size. */
    public int heightFor(int srcWidth, int srcHeight) {
        if (height > 0) {
            return height;
        }
        return width > 0 ? Math.max(1, (int) Math.round((double) width * srcHeight / srcWidth)) : srcHeight;
    }
}
