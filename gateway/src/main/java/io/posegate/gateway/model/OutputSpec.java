package io.posegate.gateway.model;

import java.util.Map;

/**
 * How to read a model's outputs.
 *
 * @param stride  input pixels per output cell (maps are input / stride cells, rounded either way)
 * @param layout  where the channel axis of every output sits ({@code NCHW} or {@code NHWC})
 * @param tensors output role (what the decoder calls it) to tensor reference
 */
public record OutputSpec(int stride, TensorLayout layout, Map<String, TensorRef> tensors) {
    public OutputSpec {
        tensors = Map.copyOf(tensors);
    }
}
