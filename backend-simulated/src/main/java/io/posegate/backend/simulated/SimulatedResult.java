package io.posegate.backend.simulated;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.util.List;

/**
 * Lends the session's two output tensors until closed. Used by one thread at a time.
 */
final class SimulatedResult implements InferenceResult {
    private final Tensor heatmaps;
    private final Tensor pafs;
    private boolean closed;

    SimulatedResult(Tensor heatmaps, Tensor pafs) {
        this.heatmaps = heatmaps;
        this.pafs = pafs;
    }

    @Override
    public List<String> names() {
        return List.of(heatmaps.name(), pafs.name());
    }

    @Override
    public Tensor output(String name) {
        if (closed) {
            throw new BackendException(ErrorCode.CLOSED, "simulated result is closed; output '" + name + "' is gone");
        }
        if (heatmaps.name().equals(name)) {
            return heatmaps;
        }
        if (pafs.name().equals(name)) {
            return pafs;
        }
        throw new BackendException(ErrorCode.MODEL_MISMATCH, "no output '" + name + "'; the simulated model has " + names());
    }

    @Override
    public void close() {
        closed = true;
    }
}
