package io.posegate.backend.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.posegate.spi.Tensor;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The ORT input maps ({@code input name -> ORT tensor over the SPI tensor's memory}) of up to a capacity of distinct
 * input tensors one run slot was given, so that callers feeding their own {@link Tensor} every frame (the gateway's
 * workers each feed their own, one view per batch size, and take turns on a slot) make no ORT tensor per frame as long
 * as there are no more of them than the capacity. Keyed by the tensor's identity: a {@link Tensor} is immutable, so the
 * same object always means the same memory and shape. When more distinct tensors come than it holds, the least
 * recently used entry's ORT tensor is closed and replaced; tensors used in turn beyond the capacity then miss every
 * time (an ORT tensor per run), which is logged once, as a warning, when it has replaced as many entries as it holds.
 *
 * <p>The arrays start small and double, up to the capacity, when a new tensor finds them full (allocation while
 * warming up, none once the tensors in use fit).
 *
 * <p>An entry keeps its tensor's memory reachable until it is evicted or the slot is closed: a tensor fed once and
 * thrown away (the warm-up frame a checking wrapper runs at open) stays alive while there is spare room and is the
 * first to go once the room is needed.
 *
 * <p>Used by one run at a time (it belongs to a run slot); {@link #close()} closes every ORT tensor it made.
 */
final class InputFeeds implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InputFeeds.class.getName());

    /**
     * Entries per batch size the session takes: room for the gateway's inference workers (at most 64 when
     * {@code inference.workers} is set, else one more than the most concurrent runs a runtime allows: 65 when that is
     * an ONNX session, {@code concurrentRuns} being at most 64), each feeding one tensor per batch size. A pool grown
     * for another backend's runtime may be larger: then the warning below says so.
     */
    static final int PER_BATCH_SIZE = 128;
    /** How many entries the arrays start with. */
    private static final int INITIAL = 16;

    private final OrtEnvironment env;
    private final String inputName;
    private final int capacity;
    private Tensor[] tensors;
    private OnnxTensor[] ort;
    private Map<?, ?>[] feeds;
    /** When each entry was last used (a counter, not a clock); the smallest is evicted first. */
    private long[] used;
    private long uses;
    /** Entries replaced so far (a full cache missing); logged once when it reaches the capacity. */
    private long replaced;

    /** The capacity for a session taking batches of 1 to {@code maxBatch}. */
    static int capacityFor(int maxBatch) {
        return PER_BATCH_SIZE * Math.max(1, maxBatch);
    }

    /** Holds up to {@code capacity} (at least 1) input tensors' maps. */
    InputFeeds(OrtEnvironment env, String inputName, int capacity) {
        this.env = env;
        this.inputName = inputName;
        this.capacity = Math.max(1, capacity);
        int n = Math.min(this.capacity, INITIAL);
        this.tensors = new Tensor[n];
        this.ort = new OnnxTensor[n];
        this.feeds = new Map<?, ?>[n];
        this.used = new long[n];
    }

    /** The map to pass to {@code OrtSession.run} for {@code input}, made on first sight of this tensor. */
    @SuppressWarnings("unchecked")
    Map<String, OnnxTensor> feed(Tensor input) throws OrtException {
        int victim = -1;
        int empty = -1;
        for (int i = 0; i < tensors.length; i++) {
            Tensor t = tensors[i];
            if (t == input) {
                used[i] = ++uses;
                return (Map<String, OnnxTensor>) feeds[i];
            }
            if (t == null) {
                if (empty < 0) {
                    empty = i;
                }
            } else if (victim < 0 || used[i] < used[victim]) {
                victim = i;
            }
        }
        if (empty < 0 && tensors.length < capacity) {
            empty = grow();
        }
        int at = empty >= 0 ? empty : victim;
        OnnxTensor made = OnnxTensor.createTensor(env, input.buffer(), input.shape(), OrtTypes.javaType(input.type()));
        if (ort[at] != null) {
            ort[at].close();
            if (++replaced == capacity) {
                LOG.warning("an ONNX run slot was fed more distinct input tensors than the " + capacity
                        + " it keeps ORT tensors for; it now makes an ORT tensor for most runs");
            }
        }
        tensors[at] = input;
        ort[at] = made;
        feeds[at] = Map.of(inputName, made);
        used[at] = ++uses;
        return (Map<String, OnnxTensor>) feeds[at];
    }

    /** Doubles the arrays (up to the capacity); the index of the first new entry. */
    private int grow() {
        int old = tensors.length;
        int n = Math.min(capacity, old * 2);
        tensors = Arrays.copyOf(tensors, n);
        ort = Arrays.copyOf(ort, n);
        feeds = Arrays.copyOf(feeds, n);
        used = Arrays.copyOf(used, n);
        return old;
    }

    /** How many input tensors it holds now (for tests). */
    int size() {
        int n = 0;
        for (Tensor t : tensors) {
            n += t == null ? 0 : 1;
        }
        return n;
    }

    /** How many entries it has replaced so far (for tests). */
    long replaced() {
        return replaced;
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
