package io.posegate.backend.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.posegate.spi.Tensor;
import java.util.Map;

/**
 * The ORT input maps ({@code input name -> ORT tensor over the SPI tensor's memory}) of up to {@link #CAPACITY}
 * distinct input tensors one run slot was given, so that callers feeding their own {@link Tensor} every frame (the
 * gateway's workers each feed their own, one view per batch size, and take turns on a slot) make no ORT tensor per
 * frame. Keyed by the tensor's identity: a {@link Tensor} is immutable, so the same object always means the same
 * memory and shape. When more distinct tensors come than it holds, the least recently used entry's ORT tensor is
 * closed and replaced.
 *
 * <p>An entry keeps its tensor's memory reachable until it is evicted or the slot is closed: a tensor fed once and
 * thrown away (the warm-up frame a checking wrapper runs at open) stays alive while there is spare room, at most
 * {@link #CAPACITY} of them per slot, and is the first to go once the room is needed.
 *
 * <p>Used by one run at a time (it belongs to a run slot); {@link #close()} closes every ORT tensor it made.
 */
final class InputFeeds implements AutoCloseable {
    /** How many input tensors a slot keeps ORT tensors for by default. */
    static final int CAPACITY = 16;

    private final OrtEnvironment env;
    private final String inputName;
    private final Tensor[] tensors;
    private final OnnxTensor[] ort;
    private final Map<?, ?>[] feeds;
    /** When each entry was last used (a counter, not a clock); the smallest is evicted first. */
    private final long[] used;
    private long uses;

    /** Holds up to {@code capacity} (at least 1) input tensors' maps. */
    InputFeeds(OrtEnvironment env, String inputName, int capacity) {
        this.env = env;
        this.inputName = inputName;
        int n = Math.max(1, capacity);
        this.tensors = new Tensor[n];
        this.ort = new OnnxTensor[n];
        this.feeds = new Map<?, ?>[n];
        this.used = new long[n];
    }

    /** The map to pass to {@code OrtSession.run} for {@code input}, made on first sight of this tensor. */
    @SuppressWarnings("unchecked")
    Map<String, OnnxTensor> feed(Tensor input) throws OrtException {
        int victim = 0;
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i] == input) {
                used[i] = ++uses;
                return (Map<String, OnnxTensor>) feeds[i];
            }
            if (used[i] < used[victim]) {
                victim = i;
            }
        }
        OnnxTensor made = OnnxTensor.createTensor(env, input.buffer(), input.shape(), OrtTypes.javaType(input.type()));
        if (ort[victim] != null) {
            ort[victim].close();
        }
        tensors[victim] = input;
        ort[victim] = made;
        feeds[victim] = Map.of(inputName, made);
        used[victim] = ++uses;
        return (Map<String, OnnxTensor>) feeds[victim];
    }

    /** How many input tensors it holds now (for tests). */
    int size() {
        int n = 0;
        for (Tensor t : tensors) {
            n += t == null ? 0 : 1;
        }
        return n;
    }

    @Override
    public void close() {
        for (int i = 0; i < tensors.length; i++) {
            if (ort[i] != null) {
                ort[i].close();
            }
            tensors[i] = null;
            ort[i] = null;
            feeds[i] = null;
            used[i] = 0;
        }
    }
}
