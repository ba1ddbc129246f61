package io.posegate.gateway.model;

import io.posegate.spi.ElementType;

/**
 * How to turn a picture into the model's input tensor: [1,3,H,W] ({@link TensorLayout#NCHW}) or
 * [1,H,W,3] ({@link TensorLayout#NHWC}) of FLOAT32, UINT8 or INT8, as the model declares. Each value is
 * {@code (pixel * scale - mean[c]) / std[c]}, with pixel in 0..255 and channels in {@code colorOrder};
 * integer types round it and clamp it to their range. "Normalisation inside the graph" is scale 1,
 * mean 0, std 1.
 */
public record InputSpec(String name, int height, int width, ElementType type, TensorLayout layout, ColorOrder colorOrder,
                        float scale, float[] mean, float[] std, ResizePolicy resize, float padValue) {
    public InputSpec {
        mean = mean.clone();
        std = std.clone();
    }

    /** A FLOAT32 NCHW input, the common case. */
    public InputSpec(String name, int height, int width, ColorOrder colorOrder, float scale, float[] mean, float[] std,
                     ResizePolicy resize, float padValue) {
        this(name, height, width, ElementType.FLOAT32, TensorLayout.NCHW, colorOrder, scale, mean, std, resize, padValue);
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** The tensor shape in the declared layout. */
    public long[] shape() {
        return layout == TensorLayout.NCHW ? new long[] {1, 3, height, width} : new long[] {1, height, width, 3};
    }

    public enum ColorOrder { RGB, BGR }

    public enum ResizePolicy {
        /** Scale each axis independently to fill the input. */
        STRETCH,
        /** Keep the aspect ratio, centre the picture and pad the rest with {@code padValue}. */
        LETTERBOX
    }
}
