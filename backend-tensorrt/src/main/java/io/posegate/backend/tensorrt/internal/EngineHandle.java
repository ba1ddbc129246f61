package io.posegate.backend.tensorrt.internal;

import static org.bytedeco.tensorrt.global.nvinfer.createInferRuntime;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tensorrt.nvinfer.ICudaEngine;
import org.bytedeco.tensorrt.nvinfer.IRuntime;

/** A deserialised engine with the runtime that must outlive it; {@link #close()} releases both where the preset can. */
final class EngineHandle implements AutoCloseable {
    final IRuntime runtime;
    final ICudaEngine engine;
    private final TrtGeneration generation;
    private boolean closed;

    private EngineHandle(TrtGeneration generation, IRuntime runtime, ICudaEngine engine) {
        this.generation = generation;
        this.runtime = runtime;
        this.engine = engine;
    }

    /** Deserialises {@code plan}; empty if TensorRT rejects it (another TensorRT version or GPU, or corrupt). */
    static Optional<EngineHandle> deserialize(NativeTensorRt trt, byte[] plan) {
        IRuntime runtime = createInferRuntime(trt.logger);
        if (runtime == null || runtime.isNull()) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "createInferRuntime returned null");
        }
        ICudaEngine engine;
        try (BytePointer bytes = new BytePointer(plan)) {
            engine = runtime.deserializeCudaEngine(bytes, plan.length);
        }
        if (engine == null || engine.isNull()) {
            trt.generation.release(runtime);
            return Optional.empty();
        }
        return Optional.of(new EngineHandle(trt.generation, runtime, engine));
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
