package io.posegate.backend.openvino;

import io.posegate.backend.openvino.internal.OvApi;
import io.posegate.backend.openvino.internal.OvCompiledModel;
import io.posegate.backend.openvino.internal.OvPort;
import io.posegate.backend.openvino.internal.OvRequest;
import io.posegate.spi.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One infer request and the direct output buffers bound to it, allocated once when the session opens
 * and reused for every frame run on this request. For a batched session the buffers hold the largest
 * batch, and for each batch size {@code n} an OpenVINO tensor over the first {@code n} items is wrapped
 * once; {@link #prepare(int)} points the outputs at those before a run. Used by one thread at a time
 * (the session's pool hands it out and takes it back when the result is closed). Not final only so a test's
 * slot can fail inside a run (the opener's {@code SlotFactory} makes it, see {@link #RequestSlot(RequestSlot)}).
 */
class RequestSlot implements AutoCloseable {
    private final OvRequest request;
    private final List<OvPort> ports;
    /** Index {@code n - 1}: the outputs of a batch of {@code n}, by name. */
    private final List<Map<String, Tensor>> outputs;
    /** Index {@code n - 1}: OpenVINO's tensors over them, in port order (batched sessions only). */
    private final List<OvApi.OvTensor[]> wrapped;
    /** The output names in the model's order (the same for every batch size), made once. */
    private final List<String> names;
    private int preparedFor;

    private RequestSlot(OvRequest request, List<OvPort> ports, List<Map<String, Tensor>> outputs, List<OvApi.OvTensor[]> wrapped) {
        this.request = request;
        this.ports = ports;
        this.outputs = outputs;
        this.wrapped = wrapped;
        this.names = List.copyOf(outputs.get(0).keySet());
        this.preparedFor = outputs.size() == 1 ? 1 : 0;
    }

    /** A slot over {@code made}'s request and buffers, which it takes over: the base of a test's failing slot. */
    RequestSlot(RequestSlot made) {
        this(made.request, made.ports, made.outputs, made.wrapped);
    }

    static RequestSlot create(OvCompiledModel compiled, List<OvPort> wanted) {
        return create(compiled, wanted, 1);
    }

    /** @param wanted the outputs to bind, static but for a dynamic first dimension when {@code maxBatch > 1} */
    static RequestSlot create(OvCompiledModel compiled, List<OvPort> wanted, int maxBatch) {
        OvRequest request = compiled.createRequest();
        List<Map<String, Tensor>> outputs = new ArrayList<>();
        List<OvApi.OvTensor[]> wrapped = new ArrayList<>();
        try {
            List<Tensor> full = new ArrayList<>();
            for (OvPort port : wanted) {
                long[] shape = port.shape();
                if (maxBatch > 1) {
                    shape[0] = maxBatch;
                }
                full.add(Tensor.allocate(port.name(), port.type(), shape));
            }
            for (int n = 1; n <= maxBatch; n++) {
                Map<String, Tensor> views = new LinkedHashMap<>();
                OvApi.OvTensor[] ov = new OvApi.OvTensor[wanted.size()];
                for (int k = 0; k < wanted.size(); k++) {
                    Tensor t = n == maxBatch ? full.get(k) : full.get(k).firstItems(n);
                    views.put(t.name(), t);
                    if (maxBatch > 1) {
                        ov[k] = request.wrapOutput(t);
                    } else {
                        request.bindOutput(wanted.get(k).index(), t);
                    }
                }
                outputs.add(views);
                wrapped.add(ov);
            }
        } catch (RuntimeException | Error e) {
            request.close();
            throw e;
        }
        return new RequestSlot(request, List.copyOf(wanted), outputs, wrapped);
    }

    OvRequest request() {
        return request;
    }

    /** Points the request's outputs at the buffers of a batch of {@code n} (a no-op when they already are). */
    void prepare(int n) {
        if (n == preparedFor) {
            return;
        }
        OvApi.OvTensor[] ov = wrapped.get(n - 1);
        for (int k = 0; k < ports.size(); k++) {
            request.setOutput(ports.get(k).index(), ov[k]);
        }
        preparedFor = n;
    }

    /** The output tensors of a batch of {@code n} by name, in the model's order; written by each run on this slot. */
    Map<String, Tensor> outputs(int n) {
        return outputs.get(n - 1);
    }

    /** The output names, in the model's order: one immutable list, made when the slot was. */
    List<String> names() {
        return names;
    }

    /** The outputs of a single frame. */
    Map<String, Tensor> outputs() {
        return outputs(1);
    }

    @Override
    public void close() {
        request.close();
    }

    /** True once {@link #close()} freed the request. */
    boolean isClosed() {
        return request.isClosed();
    }
}
