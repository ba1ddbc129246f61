package io.posegate.backend.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxTensor;
import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import org.junit.jupiter.api.Test;

/**
 * ONNX Runtime wraps the SPI's direct buffers instead of copying them, as the session relies on for its
 * input and its pinned outputs: a write to the SPI tensor after wrapping is seen in ORT's native tensor.
 */
class ZeroCopyTest {
    @Test
    void ortTensorOverADirectSpiBufferSharesItsMemory() throws Exception {
        Tensor t = Tensor.allocate("x", ElementType.FLOAT32, 1, 2, 3);
        try (OnnxTensor ort = OnnxTensor.createTensor(OrtSessions.environment(), t.buffer(), t.shape(), OrtTypes.javaType(t.type()))) {
            t.floats().put(4, 42f);
            assertEquals(42f, ort.getFloatBuffer().get(4), "ONNX Runtime copied the buffer when wrapping it");
        }
    }
}
