package io.posegate.backend.openvino;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The outputs of one run: views of the direct buffers the infer request wrote into. Closing it gives
 * the request (and so the buffers) back to the session for the next frame.
 */
final class OpenVinoResult implements InferenceResult {
    private final RequestSlot slot;
    private final int batch;
    private final Consumer<RequestSlot> release;
    private final AtomicBoolean closed = new AtomicBoolean();

    OpenVinoResult(RequestSlot slot, int batch, Consumer<RequestSlot> release) {
        this.slot = slot;
        this.batch = batch;
        this.release = release;
    }

    @Override
    public List<String> names() {
        return slot.names();
    }

    @Override
    public Tensor output(String name) {
        if (closed.get()) {
            throw new BackendException(ErrorCode.CLOSED, "result already closed; cannot read output '" + name + "'");
        }
        Map<String, Tensor> outputs = slot.outputs(batch);
        Tensor t = outputs.get(name);
        if (t == null) {
            throw new BackendException(ErrorCode.MODEL_MISMATCH, "no output '" + name + "' in this result; outputs are "
                    + outputs.keySet());
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
