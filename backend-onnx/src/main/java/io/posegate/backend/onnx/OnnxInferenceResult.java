package io.posegate.backend.onnx;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The outputs of one run, lent from a {@link RunSlot}. Closing hands the slot back to the session,
 * after which the next run may overwrite the tensors. Used by one thread; {@link #close()} is idempotent.
 */
final class OnnxInferenceResult implements InferenceResult {
    private final RunSlot slot;
    private final int batch;
    private final Consumer<RunSlot> release;
    private final List<String> names;
    private final AtomicBoolean closed = new AtomicBoolean();

    OnnxInferenceResult(RunSlot slot, int batch, Consumer<RunSlot> release) {
        this.slot = slot;
        this.batch = batch;
        this.release = release;
        this.names = List.copyOf(slot.tensors(batch).keySet());
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public Tensor output(String name) {
        if (closed.get()) {
            throw new BackendException(ErrorCode.CLOSED, "inference result already closed; output '" + name + "' is gone");
        }
        Tensor t = slot.tensors(batch).get(name);
        if (t == null) {
            throw new BackendException(ErrorCode.MODEL_MISMATCH, "no output '" + name + "'; outputs: " + names);
        }
        return t;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.accept(slot);
        }
    }
}
