package io.posegate.backend.onnx;

import static java.util.Objects.requireNonNull;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Tensor;
import io.posegate.spi.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A model opened with ONNX Runtime. The input tensor's memory is handed to ORT without copying, and ORT
 * writes the outputs into direct buffers allocated once per run slot ({@code concurrentRuns} of them) and
 * reused every frame. Opened with {@link ModelSpec#maxBatch()} above 1 on a model whose batch dimension
 * is dynamic, a run takes 1 to {@link #maxBatch()} frames at once (output memory sized for the largest).
 *
 * <p><b>Threading.</b> Up to {@link #maxConcurrentRuns()} threads may call {@link #run} at once. A run
 * needs a free slot: when every slot is still lent to an open {@link InferenceResult}, {@code run} fails
 * at once with {@link ErrorCode#INFERENCE_FAILED} instead of waiting (waiting would deadlock a thread that
 * forgot to close its previous result). {@link #close()} must not race with {@code run}.
 *
 * <p><b>Ownership.</b> Output tensors belong to the session and stay valid until their result is closed;
 * the memory is Java-owned, so reading it late never crashes the JVM, it only sees a later frame.
 *
 * <p><b>Allocation.</b> Each run slot keeps the ORT tensors over up to {@link InputFeeds#PER_BATCH_SIZE} distinct
 * input {@link Tensor}s per batch size the session takes ({@link #maxBatch()}), least recently used evicted first (see
 * {@link InputFeeds}), so callers that each feed their own tensor every frame (the gateway's workers take turns on the
 * slots, each with one tensor per batch size) make no ORT tensor per frame as long as they feed no more distinct
 * tensors than that; beyond it, a slot makes one for most runs and logs a warning once. A tensor fed once and dropped
 * (a checking wrapper's warm-up frame) stays reachable from its slot until it is evicted or the session is closed.
 * What a run still allocates on the Java heap is ORT's own bookkeeping inside {@code OrtSession.run} (its {@code Result},
 * a map and a few arrays) and the small result object.
 */
public final class OnnxBackendSession implements BackendSession {
    private final ModelSpec spec;
    private final OrtSessions.Opened ort;
    private final List<TensorInfo> inputs;
    private final List<TensorInfo> outputs;
    private final TensorInfo input;
    private final long[] inputShape;
    private final int maxBatch;
    private final List<RunSlot> slots = new ArrayList<>();
    private final Map<RunSlot, InputFeeds> feeds = new IdentityHashMap<>();
    private final BlockingQueue<RunSlot> free;
    private final Consumer<RunSlot> release;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Makes one run slot's output memory: {@code RunSlot::new}, or a test's stand-in that fails. */
    @FunctionalInterface
    interface SlotAllocator {
        RunSlot allocate(OrtSessions.Opened ort, List<TensorInfo> outputs, int maxBatch) throws OrtException;
    }

    private OnnxBackendSession(ModelSpec spec, OrtSessions.Opened ort, TensorInfo input, List<TensorInfo> inputs,
                               List<TensorInfo> outputs, int concurrentRuns, int maxBatch, SlotAllocator allocator)
            throws OrtException {
        this.spec = spec;
        this.maxBatch = maxBatch;
        this.ort = ort;
        this.input = new TensorInfo(input.name(), input.type(), spec.inputShape());
        this.inputShape = this.input.shape();
        this.inputs = inputs;
        this.outputs = outputs;
        this.free = new ArrayBlockingQueue<>(concurrentRuns);
        this.release = free::add;
        try {
            for (int i = 0; i < concurrentRuns; i++) {
                RunSlot slot = allocator.allocate(ort, OutputShapes.requested(outputs, spec.outputNames()), maxBatch);
                slots.add(slot);
                feeds.put(slot, new InputFeeds(ort.env(), input.name(), InputFeeds.capacityFor(maxBatch)));
                free.add(slot);
            }
        } catch (OrtException | RuntimeException | Error e) {
            slots.forEach(RunSlot::close);
            throw e;
        }
    }

    /** Opens {@code spec} (see {@link OnnxBackendProvider#open} for the failures) and runs a warm-up frame. */
    static OnnxBackendSession open(ModelSpec spec, OnnxOptions options) {
        return open(spec, options, (ort, outputs, maxBatch) -> new RunSlot(ort.env(), outputs, maxBatch));
    }

    /**
     * As {@link #open(ModelSpec, OnnxOptions)}, making the run slots with {@code allocator}. Whatever fails, an
     * {@link Error} included (a direct-memory OutOfMemoryError while allocating output buffers), the ORT session
     * and the slots made so far are closed before it propagates.
     */
    static OnnxBackendSession open(ModelSpec spec, OnnxOptions options, SlotAllocator allocator) {
        OrtSessions.Opened ort = OrtSessions.open(spec.file(), options);
        try {
            OrtSession s = ort.session();
            TensorInfo in = ModelCheck.input(spec, s.getInputInfo());
            List<TensorInfo> requested = ModelCheck.outputs(spec, s.getOutputInfo());
            List<TensorInfo> resolved = OutputShapes.resolve(ort, spec, in.type(), requested, OrtTypes.tensors(s.getOutputInfo()));
            int batch = BatchSupport.of(spec, in, requested);
            return new OnnxBackendSession(spec, ort, in, OrtTypes.tensors(s.getInputInfo()), resolved, options.concurrentRuns(), batch,
                    allocator);
        } catch (OrtException e) {
            closeQuietly(ort);
            throw new BackendException(ErrorCode.MODEL_INVALID, "ONNX Runtime failed on model " + spec.file() + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            closeQuietly(ort);
            throw e;
        }
    }

    @Override
    public String backendName() {
        return OnnxBackendProvider.NAME;
    }

    @Override
    public String device() {
        return ort.device();
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

    /** {@link ModelSpec#maxBatch()} when the model's batch dimension is dynamic, else 1 (see {@link BatchSupport}). */
    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public InferenceResult run(Tensor tensor) {
        requireNonNull(tensor, "input is null");
        if (closed.get()) {
            throw new BackendException(ErrorCode.CLOSED, "ONNX session for " + spec.file() + " is closed");
        }
        checkInput(tensor);
        RunSlot slot = free.poll();
        if (slot == null) {
            throw new BackendException(ErrorCode.INFERENCE_FAILED, "all " + slots.size()
                    + " run slots are lent to open results; close each InferenceResult (or raise option concurrentRuns)");
        }
        InferenceResult lent = null;
        try {
            Map<String, OnnxTensor> feed = feeds.get(slot).feed(tensor);
            try (OrtSession.Result ignored = ort.session().run(feed, slot.pinned(tensor.dim(0)))) {
                // the outputs are in the slot's pinned tensors; the Result only holds ORT's views of them
            }
            lent = new OnnxInferenceResult(slot, tensor.dim(0), release);
            return lent;
        } catch (OrtException | RuntimeException e) {
            throw new BackendException(ErrorCode.INFERENCE_FAILED, "ONNX Runtime run failed on " + spec.file() + ": " + e.getMessage(), e);
        } finally {
            if (lent == null) {
                free.add(slot);  // on every failure, an Error included, the slot goes back: only a result may keep it
            }
        }
    }

    private void checkInput(Tensor tensor) {
        if (!tensor.name().equals(input.name())) {
            throw invalid("input tensor is named '" + tensor.name() + "' but the model's input is '" + input.name() + "'");
        }
        if (tensor.type() != input.type()) {
            throw invalid("input '" + tensor.name() + "' is " + tensor.type() + " but the model takes " + input.type());
        }
        if (!fitsInputShape(tensor)) {
            throw invalid("input '" + tensor.name() + "' has shape " + Arrays.toString(tensor.shape())
                    + " but the session was opened for " + Arrays.toString(input.shape())
                    + (maxBatch > 1 ? " with a batch of 1 to " + maxBatch : ""));
        }
    }

    /** The session's input shape, with a batch of 1 to {@link #maxBatch} in place of its 1 (read without copying). */
    private boolean fitsInputShape(Tensor tensor) {
        if (tensor.rank() != inputShape.length) {
            return false;
        }
        for (int i = 0; i < inputShape.length; i++) {
            long d = tensor.dimension(i);
            if (i == 0 && d >= 1 && d <= maxBatch) {
                d = 1;
            }
            if (d != inputShape[i]) {
                return false;
            }
        }
        return true;
    }

    private static BackendException invalid(String message) {
        return new BackendException(ErrorCode.INVALID_INPUT, message);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        feeds.values().forEach(InputFeeds::close);
        slots.forEach(RunSlot::close);
        closeQuietly(ort);
    }

    private static void closeQuietly(OrtSessions.Opened ort) {
        try {
            ort.session().close();
        } catch (OrtException | RuntimeException ignored) {
            // nothing left to release
        } finally {
            ort.options().close();
        }
    }
}
