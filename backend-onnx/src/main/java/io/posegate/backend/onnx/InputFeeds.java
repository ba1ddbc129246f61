package io.posegate.backend.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.posegate.spi.Tensor;
import java.util.Map;

/**
 * The ORT input maps ({@code input name -> ORT tensor over the SPI tensor's memory}) of the last few distinct input
 * tensors one run slot was given, so that a caller feeding the same {@link Tensor} every frame (the gateway keeps one
 * per worker, and one view per batch size) makes no ORT tensor per frame. Keyed by the tensor's identity: a
 * {@link Tensor} is immutable, so the same object always means the same memory and shape. When more distinct
 * tensors come than it holds, the oldest entry's ORT tensor is closed and replaced. Used by one run at a time (it
 * belongs to a run slot); {@link #close()} closes every ORT tensor it made.
 */
final class InputFeeds implements AutoCloseable {
    private final OrtEnvironment env;
    private final String inputName;
    private final Tensor[] tensors;
    private final OnnxTensor[] ort;
    private final Map<?, ?>[] feeds;
    private int oldest;

    /** Holds up to {@code capacity} (at least 1) input tensors' maps. */
    InputFeeds(OrtEnvironment env, String inputName, int capacity) {
        this.env = env;
        this.inputName = inputName;
        int n = Math.max(1, capacity);
        this.tensors = new Tensor[n];
        this.ort = new OnnxTensor[n];
        this.feeds = new Map<?, ?>[n];
    }

    /** The map to pass to {@code OrtSession.run} for {@code input}, made on first sight of this tensor. */
    @SuppressWarnings("unchecked")
    Map<String, OnnxTensor> feed(Tensor input) throws OrtException {
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i] == input) {
                return (Map<String, OnnxTensor>) feeds[i];
            }
        }
        OnnxTensor made = OnnxTensor.createTensor(env, input.buffer(), input.shape(), OrtTypes.javaType(input.type()));
        int i = oldest;
        oldest = (oldest + 1) % tensors.length;
        if (ort[i] != null) {
            ort[i].close();
        }
        tensors[i] = input;
        ort[i] = made;
        feeds[i] = Map.of(inputName, made);
        return (Map<String, OnnxTensor>) feeds[i];
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
        }
    }
}
