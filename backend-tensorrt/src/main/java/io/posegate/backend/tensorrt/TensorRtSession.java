package io.posegate.backend.tensorrt;

import static java.util.Objects.requireNonNull;

import io.posegate.backend.tensorrt.engine.GpuExecutor;
import io.posegate.backend.tensorrt.engine.ResolvedBindings;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import io.posegate.spi.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A TensorRT session: one engine, one execution context, device buffers allocated once (inside the
 * {@link GpuExecutor}). {@link #maxConcurrentRuns()} is 1: an execution context is never shared.
 * Output tensors are views over the executor's reused host buffers, valid until the result is closed and
 * overwritten by the next {@link #run}.
 *
 * <p><b>Batching.</b> {@link #maxBatch()} is 1 whatever {@link io.posegate.spi.ModelSpec#maxBatch()} asks:
 * batching on TensorRT needs an engine built with an optimisation profile spanning the batch sizes and
 * device buffers per size, which this backend does not build, and it could not be tested on a machine
 * without an NVIDIA GPU. The gateway then runs one frame at a time (and says so when it opens the model).
 *
 * <p><b>Allocation.</b> The buffer views of up to {@link #RECENT_INPUTS} distinct input {@link Tensor}s are kept,
 * least recently used replaced first, so callers that each feed their own tensor every frame (the gateway's workers
 * take turns on a runtime; its worker pool is shared by every model's runtimes, so there may be more than two) reuse
 * their views as long as they feed no more distinct tensors than that; the executor keeps its pointers per view the
 * same way. Beyond it, most runs make a view and a pointer, and a warning is logged once. The shape is checked without
 * copying and the output names are made once, so a run that finds its view allocates only its small result object on
 * the Java heap (with the executor's own work on top). A tensor run once and dropped (a checking wrapper's warm-up
 * frame) stays reachable until it is replaced or the session is closed: at most {@link #RECENT_INPUTS} of them.
 */
public final class TensorRtSession implements BackendSession {
    /** Always 1: engines are built for one frame (see the class comment). */
    @Override
    public int maxBatch() {
        return 1;
    }

    private final String device;
    private final ResolvedBindings bindings;
    private final GpuExecutor executor;
    private final Map<String, Tensor> outputs = new LinkedHashMap<>();
    private final List<String> outputNames;
    private final long[] inputShape;
    private static final Logger LOG = Logger.getLogger(TensorRtSession.class.getName());
    /**
     * How many input tensors' buffer views are kept (the executor keeps as many pointers: {@link GpuExecutor#RECENT_INPUTS}): more than
     * the gateway's inference workers can be (at most 64 when {@code inference.workers} is set, else one more than the
     * largest runtime's concurrent runs), each feeding one tensor.
     */
    public static final int RECENT_INPUTS = GpuExecutor.RECENT_INPUTS;

    /** Recent input tensors and their buffer views (a {@link Tensor} is immutable: same object, same memory). */
    private final Tensor[] recentInputs = new Tensor[RECENT_INPUTS];
    private final ByteBuffer[] recentBuffers = new ByteBuffer[RECENT_INPUTS];
    /** When each entry was last used (a counter); the smallest is replaced first. */
    private final long[] recentUse = new long[RECENT_INPUTS];
    private long uses;
    /** Entries replaced so far (a full cache missing); logged once when it reaches {@link #RECENT_INPUTS}. */
    private long replaced;
    private volatile boolean closed;

    /** Takes ownership of {@code executor}. */
    public TensorRtSession(String device, ResolvedBindings bindings, GpuExecutor executor) {
        this.device = requireNonNull(device, "device is null");
        this.bindings = requireNonNull(bindings, "bindings is null");
        this.executor = requireNonNull(executor, "executor is null");
        for (String name : bindings.requested()) {
            TensorInfo info = bindings.output(name);
            outputs.put(name, Tensor.wrap(name, ElementType.FLOAT32, info.shape(), executor.hostOutput(name)));
        }
        this.outputNames = List.copyOf(outputs.keySet());
        this.inputShape = bindings.input().shape();
    }

    @Override
    public String backendName() {
        return TensorRtBackendProvider.NAME;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public List<TensorInfo> inputs() {
        return List.of(bindings.input());
    }

    @Override
    public List<TensorInfo> outputs() {
        return bindings.outputs();
    }

    @Override
    public InferenceResult run(Tensor input) {
        requireNonNull(input, "input is null");
        if (closed) {
            throw new BackendException(ErrorCode.CLOSED, "TensorRT session on " + device + " is closed");
        }
        if (input.type() != ElementType.FLOAT32 || !hasInputShape(input)) {
            TensorInfo expected = bindings.input();
            throw new BackendException(ErrorCode.INVALID_INPUT, "input '" + input.name() + "' is " + input.type()
                    + Arrays.toString(input.shape()) + "; the engine expects '" + expected.name() + "' FLOAT32"
                    + Arrays.toString(expected.shape()));
        }
        ByteBuffer buffer = bufferOf(input);
        if (!buffer.isDirect() || buffer.order() != ByteOrder.nativeOrder()) {
            throw new BackendException(ErrorCode.INVALID_INPUT, "input '" + input.name() + "' is not a direct native-order buffer");
        }
        executor.execute(buffer);
        return new TensorRtResult(outputs, outputNames);
    }

    private boolean hasInputShape(Tensor input) {
        if (input.rank() != inputShape.length) {
            return false;
        }
        for (int i = 0; i < inputShape.length; i++) {
            if (input.dimension(i) != inputShape[i]) {
                return false;
            }
        }
        return true;
    }

    /** The input's buffer view, made once per distinct input tensor while it is kept (position 0, limit its byte size). */
    private ByteBuffer bufferOf(Tensor input) {
        int victim = 0;
        for (int i = 0; i < RECENT_INPUTS; i++) {
            if (recentInputs[i] == input) {
                recentUse[i] = ++uses;
                return recentBuffers[i].clear().limit(Math.toIntExact(input.byteSize()));
            }
            if (recentUse[i] < recentUse[victim]) {
                victim = i;
            }
        }
        ByteBuffer made = input.buffer();
        if (recentInputs[victim] != null && ++replaced == RECENT_INPUTS) {
            LOG.warning("a TensorRT session on " + device + " was fed more distinct input tensors than the " + RECENT_INPUTS
                    + " it keeps buffer views for; it now makes a view (and a device pointer) for most runs");
        }
        recentInputs[victim] = input;
        recentBuffers[victim] = made;
        recentUse[victim] = ++uses;
        return made;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            executor.close();
        }
    }
}
