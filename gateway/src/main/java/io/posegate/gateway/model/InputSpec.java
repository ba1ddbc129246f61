package io.posegate.gateway.model;

/**
 * How to turn a picture into the model's input tensor: NCHW float32 [1,3,height,width].
 * Each value is {@code (pixel * scale - mean[c]) / std[c]}, with pixel in 0..255 and channels in
 * {@code colorOrder}. "Normalisation inside the graph" is scale 1, mean 0, std 1.
 */
public record InputSpec(String name, int height, int width, ColorOrder colorOrder, float scale, float[] mean,
                        float[] std, ResizePolicy resize, float padValue) {
    public InputSpec {
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    public long[] shape() {
        return new long[] {1, 3, height, width};
    }

    public enum ColorOrder { RGB, BGR }

    public enum ResizePolicy {
        /** Scale each axis independently to fill the input. */
        STRETCH,
        /** Keep the aspect ratio, centre the picture and pad the rest with {@code padValue}. */
        LETTERBOX
    }
}
