package io.posegate.backend.openvino;

import io.posegate.backend.openvino.internal.OvCompiledModel;
import io.posegate.backend.openvino.internal.OvPort;
import io.posegate.backend.openvino.internal.OvRequest;
import io.posegate.spi.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One infer request and the direct output buffers bound to it, allocated once when the session opens
 * and reused for every frame run on this request. Used by one thread at a time (the session's pool
 * hands it out and takes it back when the result is closed).
 */
final class RequestSlot implements AutoCloseable {
    private final OvRequest request;
    private final Map<String, Tensor> outputs;

    private RequestSlot(OvRequest request, Map<String, Tensor> outputs) {
        this.request = request;
        this.outputs = outputs;
    }

    static RequestSlot create(OvCompiledModel compiled, List<OvPort> wanted) {
        OvRequest request = compiled.createRequest();
        Map<String, Tensor> outputs = new LinkedHashMap<>();
        try {
            for (OvPort port : wanted) {
                Tensor t = Tensor.allocate(port.name(), port.type(), port.shape());
                request.bindOutput(port.index(), t);
                outputs.put(port.name(), t);
            }
        } catch (RuntimeException e) {
            request.close();
            throw e;
        }
        return new RequestSlot(request, outputs);
    }

    OvRequest request() {
        return request;
    }

    /** The output tensors by name, in the model's order; written by each run on this slot. */
    Map<String, Tensor> outputs() {
        return outputs;
    }

    @Override
    public void close() {
        request.close();
    }
}
