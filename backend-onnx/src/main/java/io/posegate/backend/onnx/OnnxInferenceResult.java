package io.posegate.backend.onnx;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Consumer;

/**
 * The outputs of one run, lent from a {@link RunSlot}. Closing hands the slot back to the session,
 * after which the next run may overwrite the tensors. Used by one thread; {@link #close()} is idempotent.
 */
final class OnnxInferenceResult implements InferenceResult {
    private final RunSlot slot;
    private final int batch;
    private final Consumer<RunSlot> release;
    private static final AtomicIntegerFieldUpdater<OnnxInferenceResult> CLOSED =
            AtomicIntegerFieldUpdater.newUpdater(OnnxInferenceResult.class, "closed");
    private final List<String> names;
    /** 1 once closed (a field updater, not an AtomicBoolean: one object less per run). */
    private volatile int closed;

    OnnxInferenceResult(RunSlot slot, int batch, Consumer<RunSlot> release) {
        this.slot = slot;
        this.batch = batch;
        this.release = release;
        this.names = slot.names();
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public Tensor output(String name) {
        if (closed != 0) {
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
        if (CLOSED.compareAndSet(this, 0, 1)) {
            release.accept(slot);
        }
    }
}
