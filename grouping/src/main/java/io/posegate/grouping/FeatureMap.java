package io.posegate.grouping;

import static java.util.Objects.requireNonNull;

import java.nio.FloatBuffer;

/**
 * A zero-copy view of a [C,H,W] float32 map (heatmaps or PAFs), usually over a backend's output
 * tensor. Element (c, y, x) is at {@code (c*H + y)*W + x} from index 0 of {@code data}.
 * Valid only as long as the memory under {@code data} is.
 */
public record FeatureMap(FloatBuffer data, int channels, int height, int width) {
    public FeatureMap {
        requireNonNull(data, "data is null");
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("bad map shape [" + channels + "," + height + "," + width + "]");
        }
        if ((long) channels * height * width > data.capacity()) {
            throw new IllegalArgumentException("map [" + channels + "," + height + "," + width + "] needs "
                    + (long) channels * height * width + " floats but the buffer holds " + data.capacity());
        }
    }

    public static FeatureMap of(float[] values, int channels, int height, int width) {
        return new FeatureMap(FloatBuffer.wrap(values), channels, height, width);
    }

    public float get(int c, int y, int x) {
        return data.get((c * height + y) * width + x);
    }

    /** Index of (c, y, x) in {@link #data()}. */
    public int index(int c, int y, int x) {
        return (c * height + y) * width + x;
    }
}
