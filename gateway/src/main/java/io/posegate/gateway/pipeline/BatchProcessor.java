package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;

/**
 * One worker's reusable state for batches of one model: a direct input tensor for the largest batch, a
 * {@link FrameProcessor} per item that pre-processes straight into its item of that tensor (and groups its
 * item of the outputs), views of the first n items made once per batch size, and the worker's copy of
 * the batch's outputs. Nothing is allocated per batch. Not thread-safe: one per worker and model.
 */
final class BatchProcessor {
    private final Tensor input;
    private final Tensor[] firstItems;
    private final FrameProcessor[] items;
    private final HeldOutputs held = new HeldOutputs();

    BatchProcessor(ModelDescriptor descriptor, int maxBatch) {
        long[] shape = descriptor.input().shape();
        shape[0] = maxBatch;
        this.input = Tensor.allocate(descriptor.input().name(), descriptor.input().type(), shape);
        this.firstItems = new Tensor[maxBatch];
        this.items = new FrameProcessor[maxBatch];
        for (int i = 0; i < maxBatch; i++) {
            firstItems[i] = input.firstItems(i + 1);
            items[i] = new FrameProcessor(descriptor, input.item(i));
        }
    }

    int capacity() {
        return items.length;
    }

    /** The processor of item {@code i}: pre-process frame i with it, then group it with {@link #group}. */
    FrameProcessor item(int i) {
        return items[i];
    }

    /**
     * Runs items {@code 0..n-1} as one batch under {@code lease} (held and closed by the caller) and keeps a
     * copy of the outputs, so the lease can be given back before grouping.
     *
     * @return inference milliseconds for the whole batch (the copy included)
     */
    double infer(RuntimeLease lease, int n) {
        long t0 = System.nanoTime();
        held.runsOn(lease.runtime().id()); // a swap: keep none of the old runtime's output tensors reachable
        try (InferenceResult result = lease.run(firstItems[n - 1])) {
            held.copyFrom(result);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** The copy of the last batch's outputs (tests look at what it keeps). */
    HeldOutputs held() {
        return held;
    }

    /**
     * Groups item {@code i} of the last batch into {@code item(i).poses()}, with limb colours if {@code colours};
     * grouping milliseconds.
     */
    double group(int i, io.posegate.gateway.model.InputTransform t, boolean colours) {
        return items[i].group(held, i, t, colours);
    }
}
