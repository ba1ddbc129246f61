package io.posegate.backend.tensorrt.engine;

import java.util.List;

/**
 * The IO of an engine together with one execution context: what the {@link BindingResolver} needs to map a
 * {@link io.posegate.spi.ModelSpec} onto an engine. The real implementation wraps TensorRT objects (one per
 * API generation, in the {@code internal} package); tests use a pure-Java test double.
 *
 * <p><b>Threading.</b> Confined to the thread that opens the session.
 */
public interface EngineIo {
    /** All inputs and outputs, in the engine's order. */
    List<IoTensor> tensors();

    /**
     * Fixes the dynamic dimensions of input {@code name} in the execution context.
     *
     * @return false if the engine rejects the shape (outside its optimisation profile)
     */
    boolean setInputShape(String name, long[] shape);

    /** The shape of {@code name} in the execution context: concrete once every input shape is set. */
    long[] contextShape(String name);
}
