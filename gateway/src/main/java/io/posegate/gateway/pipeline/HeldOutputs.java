package io.posegate.gateway.pipeline;

import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A worker's own copy of a run's outputs, so the backend's output memory (and the run permit) can be
 * given back before grouping: the next frame goes into the network while this one is grouped. Buffers
 * are direct, allocated when a shape is first seen and reused for every later frame; when the results hand out the
 * same few tensor objects again (the backends keep one per run slot and batch size) a copy allocates nothing, as
 * long as they are at most {@link BufferViews#CAPACITY} per output. The views of a runtime's outputs keep its output
 * memory reachable: {@link #runsOn} lets go of them when the outputs come from another runtime (its owner,
 * {@link FrameProcessor} or {@link BatchProcessor}, names the runtime before each run). Not thread-safe:
 * one per worker and model. Benchmarks keep one per recorded frame ({@code posegate bench tracking}).
 */
public final class HeldOutputs implements InferenceResult {
    private final Map<String, Tensor> held = new LinkedHashMap<>();
    /** Per output, views of the first n items of its memory (index n - 1), made once per batch size. */
    private final Map<String, Tensor[]> views = new LinkedHashMap<>();
    private final Map<String, Tensor> current = new LinkedHashMap<>();
    /** The id of the runtime whose outputs were copied last (0: none yet). */
    private long runtimeId;
    /**
     * Per output, the buffer views of the source and destination tensors copied, made once per tensor and kept for up
     * to {@link BufferViews#CAPACITY} of each: sources alternate when the backend has several run slots, destinations
     * when batches vary in size.
     */
    private final Map<String, CopyViews> copies = new LinkedHashMap<>();
    private List<String> names = List.of();

    /** The kept buffer views of one output's sources and destinations; a tensor is immutable, so they can be kept. */
    private static final class CopyViews {
        final BufferViews from = new BufferViews();
        final BufferViews to = new BufferViews();

        void copy(Tensor source, Tensor destination) {
            to.of(destination).put(from.of(source));
        }
    }

    /**
     * Lets go of the source tensors (and their views) kept so far: the outputs of a runtime no longer used, which would
     * otherwise stay reachable from here. The held copies are kept.
     */
    /**
     * Names the runtime ({@link io.posegate.gateway.backend.ModelRuntime#id()}) whose outputs the next copy reads. On a
     * change from another runtime (a swap) it {@link #forgetSources forgets the sources}; returns whether it did, so the
     * owner can let go of what it keeps of the old outputs too.
     */
    public boolean runsOn(long runtimeId) {
        if (runtimeId == this.runtimeId) {
            return false;
        }
        boolean swapped = this.runtimeId != 0;
        this.runtimeId = runtimeId;
        if (swapped) {
            forgetSources();
        }
        return swapped;
    }

    private void forgetSources() {
        for (CopyViews c : copies.values()) {
            c.from.clear();
        }
    }

    /** How many source tensors' views it keeps, over every output. */
    int sourcesKept() {
        int n = 0;
        for (CopyViews c : copies.values()) {
            n += c.from.size();
        }
        return n;
    }

    /** Whether it keeps a view of {@code source} (a backend's output tensor). */
    boolean keepsSource(Tensor source) {
        for (CopyViews c : copies.values()) {
            if (c.from.holds(source)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Copies every output of {@code result} (a batch too: memory is sized for the largest batch seen and
     * reused for smaller ones); the caller then closes {@code result}.
     */
    public void copyFrom(InferenceResult result) {
        names = result.names();
        for (int i = 0; i < names.size(); i++) {  // indexed: no iterator per frame
            String name = names.get(i);
            Tensor src = result.output(name);
            Tensor dst = viewFor(name, src);
            copies.computeIfAbsent(name, n -> new CopyViews()).copy(src, dst);
            current.put(name, dst);
        }
    }

    private Tensor viewFor(String name, Tensor src) {
        Tensor full = held.get(name);
        if (full == null || !fits(full, src)) {
            full = Tensor.allocate(name, src.type(), src.shape());
            held.put(name, full);
            views.put(name, new Tensor[src.rank() == 0 ? 1 : full.dim(0)]);
        }
        if (src.rank() == 0 || src.dim(0) == full.dim(0)) {
            return full;
        }
        Tensor[] byBatch = views.get(name);
        int n = src.dim(0);
        if (byBatch[n - 1] == null) {
            byBatch[n - 1] = full.firstItems(n);
        }
        return byBatch[n - 1];
    }

    /** Same type and item shape, and at least as many items (read as longs, without copying the shapes). */
    private static boolean fits(Tensor full, Tensor src) {
        if (full.type() != src.type() || full.rank() != src.rank()) {
            return false;
        }
        if (full.rank() == 0) {
            return true;
        }
        if (src.dimension(0) < 1 || src.dimension(0) > full.dimension(0)) {
            return false;
        }
        for (int i = 1; i < full.rank(); i++) {
            if (full.dimension(i) != src.dimension(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public Tensor output(String name) {
        Tensor t = current.get(name);
        if (t == null || !names.contains(name)) {
            throw new io.posegate.spi.BackendException(io.posegate.spi.ErrorCode.MODEL_MISMATCH,
                    "no output '" + name + "'; outputs: " + names);
        }
        return t;
    }

    /** Nothing to release: the copies are reused for the next frame. */
    @Override
    public void close() {
    }
}
