package io.posegate.gateway.pipeline;

import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A worker's own copy of a run's outputs, so the backend's output memory (and the run permit) can be
 * given back before grouping: the next frame goes into the network while this one is grouped. Buffers
 * are direct, allocated when a shape is first seen and reused for every later frame. Not thread-safe:
 * one per worker and model.
 */
final class HeldOutputs implements InferenceResult {
    private final Map<String, Tensor> held = new LinkedHashMap<>();
    private List<String> names = List.of();

    /** Copies every output of {@code result}; the caller then closes {@code result}. */
    void copyFrom(InferenceResult result) {
        names = result.names();
        for (String name : names) {
            Tensor src = result.output(name);
            Tensor dst = held.get(name);
            if (dst == null || dst.type() != src.type() || !Arrays.equals(dst.shape(), src.shape())) {
                dst = Tensor.allocate(name, src.type(), src.shape());
                held.put(name, dst);
            }
            dst.buffer().put(src.buffer());
        }
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public Tensor output(String name) {
        Tensor t = held.get(name);
        if (t == null || !names.contains(name)) {
            throw new io.posegate.spi.BackendException(io.posegate.spi.ErrorCode.MODEL_MISMATCH,
                    "no output '" + name + "'; outputs: " + names);
        }
        return t;
    }

    /** Nothing to release: the copies are reused for the next frame. */
    @Override
    public void close() {
    }
}
