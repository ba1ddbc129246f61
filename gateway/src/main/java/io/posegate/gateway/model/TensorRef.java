package io.posegate.gateway.model;

/**
 * Where one decoder role (heatmaps, pafs, offsets...) lives among the model's outputs: a tensor name,
 * a channel range [channelFrom, channelTo) of it (so one concatenated output can serve several roles),
 * and how to turn stored values into real ones: {@code (stored - zeroPoint) * scale} (scale 1 and
 * zero point 0 when the model needs none; quantised UINT8/INT8 outputs state theirs).
 */
public record TensorRef(String tensor, int channelFrom, int channelTo, float scale, float zeroPoint) {
    public TensorRef(String tensor, int channelFrom, int channelTo, float scale) {
        this(tensor, channelFrom, channelTo, scale, 0f);
    }

    /** Channels in the range, given the tensor's channel count (channelTo = -1 means "to the end"). */
    public int channels(int tensorChannels) {
        return (channelTo < 0 ? tensorChannels : channelTo) - channelFrom;
    }

    /** True when stored values are the real ones. */
    public boolean identity() {
        return scale == 1f && zeroPoint == 0f;
    }
}
