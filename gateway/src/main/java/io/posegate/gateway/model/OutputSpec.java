package io.posegate.gateway.model;

import java.util.Map;

/**
 * How to read a model's outputs.
 *
 * @param decoder the output decoding strategy ({@code paf}; later {@code posenet}, {@code associative-embedding},
 *                {@code single-heatmap}); it names the roles it needs in {@code tensors}
 * @param stride  input pixels per output cell
 * @param tensors role name to tensor reference
 */
public record OutputSpec(String decoder, int stride, Map<String, TensorRef> tensors) {
    public OutputSpec {
        tensors = Map.copyOf(tensors);
    }
}
