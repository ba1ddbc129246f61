package io.posegate.backend.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.posegate.spi.Tensor;
import io.posegate.spi.TensorInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output memory of one concurrent run: a direct, native-order {@link Tensor} per output, allocated
 * once, and an ONNX Runtime tensor over the same memory that is pinned as the run's output, so ORT writes
 * results straight into it. A slot is used by one run (and then its result) at a time.
 */
final class RunSlot implements AutoCloseable {
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final Map<String, OnnxTensor> pinned = new LinkedHashMap<>();

    /** Allocates output memory for {@code outputs}, whose shapes must be concrete. */
    RunSlot(OrtEnvironment env, List<TensorInfo> outputs) throws OrtException {
        try {
            for (TensorInfo info : outputs) {
                Tensor t = Tensor.allocate(info.name(), info.type(), info.shape());
                tensors.put(info.name(), t);
                pinned.put(info.name(), OnnxTensor.createTensor(env, t.buffer(), info.shape(), OrtTypes.javaType(info.type())));
            }
        } catch (OrtException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The outputs as the SPI lends them, by name in the model's order. */
    Map<String, Tensor> tensors() {
        return tensors;
    }

    /** The ORT views to pass as pinned outputs. */
    Map<String, OnnxTensor> pinned() {
        return pinned;
    }

    @Override
    public void close() {
        pinned.values().forEach(OnnxTensor::close);
    }
}
