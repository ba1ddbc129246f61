package io.posegate.backend.openvino;

import static java.util.Objects.requireNonNull;

import io.posegate.backend.openvino.internal.OvCompiledModel;
import io.posegate.backend.openvino.internal.OvPort;
import io.posegate.backend.openvino.internal.OvRuntime;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import io.posegate.spi.TensorInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A model compiled for one OpenVINO device with N asynchronous infer requests, so up to N threads run
 * frames at once ({@link #maxConcurrentRuns()}); on an NCS2 several requests in flight keep the stick busy.
 *
 * <p><b>Memory.</b> Inputs are wrapped in place (zero copy) for the duration of {@link #run}. Each
 * request writes its outputs straight into direct buffers allocated once at open and bound as its
 * output tensors; a result lends them until it is closed, which returns the request to the pool.
 *
 * <p><b>Batching.</b> A model whose input batch dimension is dynamic, opened with a {@code maxBatch} above 1,
 * keeps that dimension dynamic on the device; each run then takes 1 to {@link #maxBatch()} frames and
 * writes the first {@code n} items of outputs sized for the largest batch.
 *
 * <p><b>Threading.</b> {@code run} is safe from up to N threads; a caller that keeps N results open and
 * runs again gets {@link ErrorCode#INFERENCE_FAILED} instead of a deadlock. {@link #close()} must not race
 * with {@code run} (SPI rule).
 */
final class OpenVinoSession implements BackendSession {
    private final String device;
    private final OvRuntime runtime;
    private final OvPort input;
    private final List<TensorInfo> inputs;
    private final List<TensorInfo> outputs;
    private final OvCompiledModel compiled;
    private final List<RequestSlot> slots;
    private final BlockingQueue<RequestSlot> free;
    private final int maxBatch;
    private final Map<String, String> settled;
    private volatile boolean closed;

    OpenVinoSession(String device, OvRuntime runtime, OvPort input, List<OvPort> inputs, List<OvPort> outputs,
                    OvCompiledModel compiled, List<RequestSlot> slots, int maxBatch, Map<String, String> settled) {
        this.device = device;
        this.settled = Map.copyOf(settled);
        this.maxBatch = maxBatch;
        this.runtime = runtime;
        this.input = input;
        this.inputs = inputs.stream().map(OvPort::toInfo).toList();
        this.outputs = outputs.stream().map(OvPort::toInfo).toList();
        this.compiled = compiled;
        this.slots = List.copyOf(slots);
        this.free = new ArrayBlockingQueue<>(slots.size(), false, slots);
    }

    @Override
    public String backendName() {
        return "openvino";
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public List<TensorInfo> inputs() {
        return inputs;
    }

    @Override
    public List<TensorInfo> outputs() {
        return outputs;
    }

    @Override
    public int maxConcurrentRuns() {
        return slots.size();
    }

    /** Above 1 when the model's batch dimension was left dynamic (see {@link SessionOpener}). */
    @Override
    public int maxBatch() {
        return maxBatch;
    }

    /** What the device settled on for the threading properties (see {@link SettledProperties}). */
    Map<String, String> settled() {
        return settled;
    }

    /** The OpenVINO version that runs this session. */
    String runtimeVersion() {
        return runtime.version();
    }

    @Override
    public InferenceResult run(Tensor tensor) {
        requireNonNull(tensor, "tensor is null");
        if (closed) {
            throw new BackendException(ErrorCode.CLOSED, "openvino session on " + device + " is closed");
        }
        long[] shape = tensor.shape();
        int n = shape.length == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, shape[0]);
        long[] single = input.shape();
        if (maxBatch > 1 && n >= 1 && n <= maxBatch) {
            single[0] = n;
        }
        if (tensor.type() != input.type() || !Arrays.equals(shape, single)) {
            throw new BackendException(ErrorCode.INVALID_INPUT, "input " + tensor + " does not fit input '" + input.name()
                    + "' " + input.type() + Arrays.toString(input.shape()) + (maxBatch > 1 ? " (batch 1 to " + maxBatch + ")" : ""));
        }
        RequestSlot slot = free.poll();
        if (slot == null) {
            throw new BackendException(ErrorCode.INFERENCE_FAILED, "all " + slots.size()
                    + " OpenVINO infer requests are in use: close earlier results or run at most maxConcurrentRuns at once");
        }
        InferenceResult lent = null;
        try {
            slot.prepare(maxBatch > 1 ? n : 1);
            slot.request().run(input.index(), tensor);
            lent = new OpenVinoResult(slot, maxBatch > 1 ? n : 1, free::add);
            return lent;
        } finally {
            if (lent == null) {
                free.add(slot);  // on every failure, an Error included, the request goes back: only a result may keep it
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        slots.forEach(RequestSlot::close);
        compiled.close();
    }
}
