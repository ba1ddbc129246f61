package io.posegate.backend.openvino.internal;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * One asynchronous infer request ({@code ov_infer_request_t}) whose outputs are bound once to
 * caller-allocated direct buffers, so results are written straight into Java-visible memory.
 *
 * <p><b>Threading.</b> One thread at a time. <b>Ownership.</b> The output tensors' buffers must stay
 * reachable until {@link #close()}; the input buffer is only read during {@link #run}.
 */
public final class OvRequest implements AutoCloseable {
    private final OvElementTypes types;
    private final List<OvApi.OvTensor> boundOutputs = new ArrayList<>();
    private OvApi.InferRequest request;

    OvRequest(OvApi.InferRequest request, OvElementTypes types) {
        this.request = request;
        this.types = types;
    }

    /**
     * Makes output {@code index} be written into {@code target}'s memory.
     *
     * @throws BackendException {@link ErrorCode#MODEL_MISMATCH} if OpenVINO refuses the tensor
     */
    public void bindOutput(int index, Tensor target) {
        long[] shape = target.shape();
        OvApi.OvTensor t = OvApi.pgov_tensor_wrap(types.toOv(target.type()), shape, shape.length, target.buffer());
        if (OvRuntime.isNull(t)) {
            throw new BackendException(ErrorCode.INTERNAL, "cannot wrap output " + target + ": " + OvApi.pgov_last_error());
        }
        boundOutputs.add(t);
        if (!OvApi.pgov_set_output(request, index, t)) {
            throw new BackendException(ErrorCode.MODEL_MISMATCH, "OpenVINO refuses " + target + " as output " + index + ": "
                    + OvApi.pgov_last_error());
        }
    }

    /**
     * Wraps {@code target}'s memory as an OpenVINO tensor owned by this request (freed on {@link #close()}),
     * to be made an output later with {@link #setOutput}: a batched session wraps one per batch size once.
     *
     * @throws BackendException {@link ErrorCode#INTERNAL} if OpenVINO cannot wrap it
     */
    public OvApi.OvTensor wrapOutput(Tensor target) {
        long[] shape = target.shape();
        OvApi.OvTensor t = OvApi.pgov_tensor_wrap(types.toOv(target.type()), shape, shape.length, target.buffer());
        if (OvRuntime.isNull(t)) {
            throw new BackendException(ErrorCode.INTERNAL, "cannot wrap output " + target + ": " + OvApi.pgov_last_error());
        }
        boundOutputs.add(t);
        return t;
    }

    /**
     * Makes output {@code index} be written into a tensor made by {@link #wrapOutput} (no allocation).
     *
     * @throws BackendException {@link ErrorCode#INFERENCE_FAILED} if OpenVINO refuses it
     */
    public void setOutput(int index, OvApi.OvTensor tensor) {
        if (!OvApi.pgov_set_output(request, index, tensor)) {
            throw new BackendException(ErrorCode.INFERENCE_FAILED, "OpenVINO refuses output tensor " + index + ": "
                    + OvApi.pgov_last_error());
        }
    }

    /**
     * Infers {@code input} (wrapped without copying) as input {@code index}: start_async, then wait.
     *
     * @throws BackendException {@link ErrorCode#INFERENCE_FAILED} with OpenVINO's message
     */
    public void run(int index, Tensor input) {
        long[] shape = input.shape();
        if (!OvApi.pgov_run(request, index, types.toOv(input.type()), shape, shape.length, input.buffer())) {
            throw new BackendException(ErrorCode.INFERENCE_FAILED, "OpenVINO inference failed: " + OvApi.pgov_last_error());
        }
    }

    /** True once {@link #close()} freed the request. */
    public boolean isClosed() {
        return request == null;
    }

    @Override
    public void close() {
        if (request != null) {
            OvApi.pgov_request_free(request);
            request = null;
        }
        boundOutputs.forEach(OvApi::pgov_tensor_free);
        boundOutputs.clear();
    }
}
