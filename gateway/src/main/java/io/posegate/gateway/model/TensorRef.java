package io.posegate.gateway.model;

/**
 * Where one decoder role (heatmaps, pafs, offsets...) lives among the model's outputs: a tensor name,
 * a channel range [channelFrom, channelTo) of it (so one concatenated output can serve several roles),
 * and a multiplier applied to the values (1 when the model needs no scaling).
 */
public record TensorRef(String tensor, int channelFrom, int channelTo, float scale) {
    /** Channels in the range, given the tensor's channel count (channelTo = -1 means "to the end"). */
    public int channels(int tensorChannels) {
        return (channelTo < 0 ? tensorChannels : channelTo) - channelFrom;
    }
}
