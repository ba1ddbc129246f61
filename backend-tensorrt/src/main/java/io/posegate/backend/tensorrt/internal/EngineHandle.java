package io.posegate.backend.tensorrt.internal;

import org.bytedeco.tensorrt.nvinfer.ICudaEngine;
import org.bytedeco.tensorrt.nvinfer.IRuntime;

/** A deserialised engine with the runtime that must outlive it; {@link #close()} releases both. */
final class EngineHandle implements AutoCloseable {
    final IRuntime runtime;
    final ICudaEngine engine;
    private final TrtGeneration generation;
    private boolean closed;

    EngineHandle(TrtGeneration generation, IRuntime runtime, ICudaEngine engine) {
        this.generation = generation;
        this.runtime = runtime;
        this.engine = engine;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            generation.release(engine);
            generation.release(runtime);
        }
    }
}
