package io.posegate.backend.tensorrt.internal;

import io.posegate.backend.tensorrt.engine.EngineIo;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.Pointer;

/**
 * An execution context seen through one TensorRT API generation: its IO ({@link EngineIo}), where each IO
 * tensor's device memory is, and how a frame is enqueued. Confined to the session's thread.
 */
public interface BoundContext extends EngineIo {
    /** Sets the device address of IO tensor {@code name}; done once per session. */
    void setAddress(String name, Pointer device);

    /** Enqueues one inference on {@code stream}; false if TensorRT refuses. */
    boolean enqueue(CUstream_st stream);

    /** Frees what this view allocated itself (TensorRT 8: the bindings array); the context is not touched. */
    void release();
}
