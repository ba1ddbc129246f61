package io.posegate.grouping;

import static java.util.Objects.requireNonNull;

import java.nio.FloatBuffer;

/**
 * A zero-copy view of a float32 map (heatmaps, PAFs, offsets, tags) of {@code channels} planes of
 * {@code height} x {@code width}, usually over a backend's output tensor. In {@link Layout#CHW} element
 * (c, y, x) is at {@code (c*H + y)*W + x} from index 0 of {@code data}; in {@link Layout#HWC} (an NHWC
 * output without its batch) at {@code (y*W + x)*C + c}. Valid only as long as the memory under
 * {@code data} is.
 */
public record FeatureMap(FloatBuffer data, int channels, int height, int width, Layout layout) {
    /** Where a channel's values sit in the buffer. */
    public enum Layout {
        /** Planar: one H x W plane per channel (an NCHW tensor's batch item). */
        CHW,
        /** Interleaved: the C channels of a pixel side by side (an NHWC tensor's batch item). */
        HWC
    }

    public FeatureMap {
        requireNonNull(data, "data is null");
        requireNonNull(layout, "layout is null");
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("bad map shape [" + channels + "," + height + "," + width + "]");
        }
        if ((long) channels * height * width > data.capacity()) {
            throw new IllegalArgumentException("map [" + channels + "," + height + "," + width + "] needs "
                    + (long) channels * height * width + " floats but the buffer holds " + data.capacity());
        }
    }

    /** A planar ({@link Layout#CHW}) map. */
    public FeatureMap(FloatBuffer data, int channels, int height, int width) {
        this(data, channels, height, width, Layout.CHW);
    }

    public static FeatureMap of(float[] values, int channels, int height, int width) {
        return new FeatureMap(FloatBuffer.wrap(values), channels, height, width);
    }

    public float get(int c, int y, int x) {
        return data.get(index(c, y, x));
    }

    /** Index of (c, y, x) in {@link #data()}. */
    public int index(int c, int y, int x) {
        return layout == Layout.CHW ? (c * height + y) * width + x : (y * width + x) * channels + c;
    }

    /** Distance in {@link #data()} between (c, y, x) and (c, y, x + 1). */
    public int xStride() {
        return layout == Layout.CHW ? 1 : channels;
    }

    /** Distance in {@link #data()} between (c, y, x) and (c + 1, y, x). */
    public int channelStride() {
        return layout == Layout.CHW ? height * width : 1;
    }
}
