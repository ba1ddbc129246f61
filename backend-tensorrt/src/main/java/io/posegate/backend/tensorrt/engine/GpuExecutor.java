package io.posegate.backend.tensorrt.engine;

import java.nio.ByteBuffer;

/**
 * Runs one frame on an execution context whose device buffers are allocated once: copies the input to
 * the device, enqueues the engine and copies every requested output back into a host buffer that is
 * allocated once and reused for every frame.
 *
 * <p><b>Threading.</b> One thread at a time (a TensorRT execution context is never shared).
 * <b>Ownership.</b> The executor owns the host output buffers and the device memory until {@link #close()}.
 */
public interface GpuExecutor extends AutoCloseable {
    /**
     * How many distinct input buffers an executor keeps native pointers for (least recently used replaced), and how
     * many input tensors' buffer views a session keeps: one number, so a session's inputs fit both caches alike.
     */
    int RECENT_INPUTS = 128;

    /**
     * Runs one frame.
     *
     * @param input direct, native-order bytes of the input, exactly the input's byte size
     * @throws io.posegate.spi.BackendException {@link io.posegate.spi.ErrorCode#INFERENCE_FAILED} naming the CUDA or
     *                                          TensorRT call that failed
     */
    void execute(ByteBuffer input);

    /** The direct, native-order host buffer holding output {@code name} after {@link #execute}. */
    ByteBuffer hostOutput(String name);

    /** Frees device memory, the stream and the TensorRT objects. Idempotent; never throws. */
    @Override
    void close();
}
