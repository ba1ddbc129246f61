package io.posegate.spi;

import java.util.List;

/**
 * The named output tensors of one {@link BackendSession#run}.
 *
 * <p><b>Ownership.</b> The result owns (or pins) the output memory. Tensors returned by
 * {@link #output(String)} are valid until {@link #close()}; after that their contents are undefined
 * and the memory may be reused for the next frame. Close every result, ideally with try-with-resources.
 *
 * <p><b>Threading.</b> A result is used by one thread at a time. {@link #close()} is idempotent.
 */
public interface InferenceResult extends AutoCloseable {
    /** The output names, in the model's order. */
    List<String> names();

    /**
     * The output tensor with this name.
     *
     * @throws BackendException {@link ErrorCode#MODEL_MISMATCH} naming the output and listing those
     *                          that exist; {@link ErrorCode#CLOSED} after {@link #close()}
     */
    Tensor output(String name);

    /** Releases the output memory for reuse. Never throws. */
    @Override
    void close();
}
