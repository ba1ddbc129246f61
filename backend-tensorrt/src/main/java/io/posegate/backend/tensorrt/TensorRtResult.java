package io.posegate.backend.tensorrt;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.util.List;
import java.util.Map;

/** Lends the session's reused host output tensors until closed. Used by one thread at a time. */
final class TensorRtResult implements InferenceResult {
    private final Map<String, Tensor> outputs;
    private final List<String> names;
    private boolean closed;

    /** {@code names}: the immutable list of {@code outputs}' keys, made once by the session. */
    TensorRtResult(Map<String, Tensor> outputs, List<String> names) {
        this.outputs = outputs;
        this.names = names;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public Tensor output(String name) {
        if (closed) {
            throw new BackendException(ErrorCode.CLOSED, "result is closed; output '" + name + "' is no longer valid");
        }
        Tensor t = outputs.get(name);
        if (t == null) {
            throw new BackendException(ErrorCode.MODEL_MISMATCH, "no output '" + name + "'; outputs: " + outputs.keySet());
        }
        return t;
    }

    @Override
    public void close() {
        closed = true;
    }
}
