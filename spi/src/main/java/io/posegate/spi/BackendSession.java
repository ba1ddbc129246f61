package io.posegate.spi;

import java.util.List;

/**
 * An opened model on one backend and device: one input tensor in, named output tensors out.
 *
 * <p><b>Threading.</b> At most {@link #maxConcurrentRuns()} threads may call {@link #run} at the same
 * time (1 unless the provider says otherwise; a TensorRT execution context is never shared). The
 * gateway sizes its inference worker pool from it. {@link #close()} must not race with {@code run}:
 * the caller stops submitting and waits for runs in flight first.
 *
 * <p><b>Ownership.</b> The caller owns the input tensor; the session reads it during {@code run} and
 * keeps no reference afterwards. The session owns the output memory, which it lends through the
 * returned {@link InferenceResult} until that result is closed. Sessions reuse output memory between
 * frames, so close each result before (or when) the next frame needs it.
 *
 * <p><b>Batching.</b> A session opened with {@link ModelSpec#maxBatch()} above 1 on a model whose first
 * input dimension is dynamic may accept several frames in one run: {@link #maxBatch()} says how many. The
 * input is then {@code [n, ...]} with {@code 1 <= n <= maxBatch()}, item {@code i} being frame {@code i}
 * laid out exactly as a single frame; every output has {@code n} as its first dimension, item {@code i}
 * holding what a single run of frame {@code i} gives. A failed batched run fails all its frames and, like
 * any failed run, leaves the session usable.
 *
 * <p><b>Failure.</b> Every method throws only {@link BackendException}. A failed {@code run}
 * ({@link ErrorCode#INFERENCE_FAILED}, {@link ErrorCode#INVALID_INPUT}) leaves the session usable.
 */
public interface BackendSession extends AutoCloseable {
    /** The provider's name, for example {@code "onnx"}. */
    String backendName();

    /** The device the model runs on, for example {@code "CPU"}, {@code "CUDA:0"}, {@code "MYRIAD"}. */
    String device();

    /** The model's inputs as the runtime reports them. */
    List<TensorInfo> inputs();

    /** The model's outputs as the runtime reports them (dynamic dimensions resolved where known). */
    List<TensorInfo> outputs();

    /** How many threads may call {@link #run} at once. */
    default int maxConcurrentRuns() {
        return 1;
    }

    /**
     * The most frames one {@link #run} accepts (the input's first dimension): 1 unless the session was
     * opened with {@link ModelSpec#maxBatch()} above 1 and both the model (a dynamic batch dimension) and
     * the backend allow it. Fixed once the session is open.
     */
    default int maxBatch() {
        return 1;
    }

    /**
     * Runs one frame, or a batch of up to {@link #maxBatch()} frames (see the class comment).
     *
     * @param input a tensor whose name and shape match the {@link ModelSpec} the session was opened with,
     *              except that its first dimension may be anything from 1 to {@link #maxBatch()}
     * @return the outputs; close it when done
     * @throws BackendException {@link ErrorCode#INVALID_INPUT} if the input does not fit,
     *                          {@link ErrorCode#INFERENCE_FAILED} if the runtime fails,
     *                          {@link ErrorCode#CLOSED} after {@link #close()}
     */
    InferenceResult run(Tensor input);

    /** Frees native resources. Idempotent; never throws. */
    @Override
    void close();
}
