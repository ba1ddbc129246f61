package io.posegate.gateway.pipeline;

import io.posegate.spi.Tensor;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * The buffer views of up to {@link #CAPACITY} distinct tensors, least recently used replaced first, so tensors that
 * come back in turn (a backend's run slots, one view per batch size) get the view made the first time: a
 * {@link Tensor} is immutable, so the same object means the same memory. The arrays start small and double, up to the
 * capacity, when a new tensor finds them full (allocation while warming up, none once the tensors in use fit). Beyond
 * the capacity, tensors in turn miss every time (a view per call), which is logged once, as a warning, when it has
 * replaced as many entries as it holds. Not thread-safe.
 */
final class BufferViews {
    private static final Logger LOG = Logger.getLogger(BufferViews.class.getName());

    /**
     * Room for every output tensor a backend can hand out for one output: one per run slot and batch size, and the
     * ONNX backend allows up to 64 of each ({@code concurrentRuns}, {@code batch.maxSize}).
     */
    static final int CAPACITY = 64 * 64;
    private static final int INITIAL = 8;

    private Tensor[] tensors = new Tensor[INITIAL];
    private ByteBuffer[] views = new ByteBuffer[INITIAL];
    /** When each entry was last used (a counter); the smallest is replaced first. */
    private long[] used = new long[INITIAL];
    private long uses;
    private long replaced;

    /** {@code t}'s buffer view, position 0 and limit its byte size. */
    ByteBuffer of(Tensor t) {
        int victim = -1;
        int empty = -1;
        for (int i = 0; i < tensors.length; i++) {
            Tensor k = tensors[i];
            if (k == t) {
                used[i] = ++uses;
                return views[i].clear().limit(Math.toIntExact(t.byteSize()));
            }
            if (k == null) {
                if (empty < 0) {
                    empty = i;
                }
            } else if (victim < 0 || used[i] < used[victim]) {
                victim = i;
            }
        }
        if (empty < 0 && tensors.length < CAPACITY) {
            empty = grow();
        }
        int at = empty >= 0 ? empty : victim;
        if (empty < 0 && ++replaced == CAPACITY) {
            LOG.warning("more than " + CAPACITY + " distinct tensors of one output came in turn; their buffer views are now"
                    + " made again for most frames");
        }
        ByteBuffer made = t.buffer();
        tensors[at] = t;
        views[at] = made;
        used[at] = ++uses;
        return made;
    }

    private int grow() {
        int old = tensors.length;
        int n = Math.min(CAPACITY, old * 2);
        tensors = Arrays.copyOf(tensors, n);
        views = Arrays.copyOf(views, n);
        used = Arrays.copyOf(used, n);
        return old;
    }

    /** Lets go of every tensor and view (the arrays are kept). */
    void clear() {
        Arrays.fill(tensors, null);
        Arrays.fill(views, null);
        Arrays.fill(used, 0);
    }

    /** How many tensors it keeps views of now. */
    int size() {
        int n = 0;
        for (Tensor t : tensors) {
            n += t == null ? 0 : 1;
        }
        return n;
    }

    /** Whether it keeps a view of {@code t}. */
    boolean holds(Tensor t) {
        for (Tensor k : tensors) {
            if (k == t) {
                return true;
            }
        }
        return false;
    }
}
