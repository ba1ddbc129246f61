package io.posegate.backend.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.posegate.spi.Tensor;
import io.posegate.spi.TensorInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output memory of one concurrent run: a direct, native-order {@link Tensor} per output, allocated
 * once for the largest batch, and for each batch size {@code n} an ONNX Runtime tensor over the first
 * {@code n} items of the same memory, pinned as the run's output so ORT writes results straight into it.
 * All views are made here, once. A slot is used by one run (and then its result) at a time. Not final only so a
 * test's slot can fail inside a run (the session's {@code SlotAllocator} makes it).
 */
class RunSlot implements AutoCloseable {
    /** Index {@code n - 1}: the outputs of a batch of {@code n}, by name in the model's order. */
    private final List<Map<String, Tensor>> tensors = new ArrayList<>();
    private final List<Map<String, OnnxTensor>> pinned = new ArrayList<>();
    private final List<String> names;

    /** Allocates output memory for {@code outputs} (concrete shapes of one item) for up to {@code maxBatch} items. */
    RunSlot(OrtEnvironment env, List<TensorInfo> outputs, int maxBatch) throws OrtException {
        try {
            Map<String, Tensor> full = new LinkedHashMap<>();
            for (TensorInfo info : outputs) {
                long[] shape = info.shape();
                if (maxBatch > 1) {
                    shape[0] = maxBatch;
                }
                full.put(info.name(), Tensor.allocate(info.name(), info.type(), shape));
            }
            for (int n = 1; n <= maxBatch; n++) {
                Map<String, Tensor> views = new LinkedHashMap<>();
                Map<String, OnnxTensor> ort = new LinkedHashMap<>();
                pinned.add(ort);
                for (Map.Entry<String, Tensor> e : full.entrySet()) {
                    Tensor t = n == maxBatch ? e.getValue() : e.getValue().firstItems(n);
                    views.put(e.getKey(), t);
                    ort.put(e.getKey(), OnnxTensor.createTensor(env, t.buffer(), t.shape(), OrtTypes.javaType(t.type())));
                }
                tensors.add(views);
            }
            names = List.copyOf(full.keySet());
        } catch (OrtException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** The outputs of a batch of {@code n} as the SPI lends them, by name in the model's order. */
    Map<String, Tensor> tensors(int n) {
        return tensors.get(n - 1);
    }

    /** The output names in the model's order, made once (the same for every batch size). */
    List<String> names() {
        return names;
    }

    /** The ORT views to pass as pinned outputs of a batch of {@code n}. */
    Map<String, OnnxTensor> pinned(int n) {
        return pinned.get(n - 1);
    }

    @Override
    public void close() {
        pinned.forEach(m -> m.values().forEach(OnnxTensor::close));
    }
}
