package io.posegate.gateway.pipeline;

import io.posegate.spi.Tensor;
import java.nio.ByteBuffer;

/**
 * The buffer views of up to {@link #CAPACITY} distinct tensors, least recently used replaced first, so tensors that
 * come back in turn (a backend's run slots, one view per batch size) get the view made the first time: a
 * {@link Tensor} is immutable, so the same object means the same memory. Not thread-safe.
 */
final class BufferViews {
    static final int CAPACITY = 16;

    private final Tensor[] tensors = new Tensor[CAPACITY];
    private final ByteBuffer[] views = new ByteBuffer[CAPACITY];
    /** When each entry was last used (a counter); the smallest is replaced first. */
    private final long[] used = new long[CAPACITY];
    private long uses;

    /** {@code t}'s buffer view, position 0 and limit its byte size. */
    ByteBuffer of(Tensor t) {
        int victim = 0;
        for (int i = 0; i < CAPACITY; i++) {
            if (tensors[i] == t) {
                used[i] = ++uses;
                return views[i].clear().limit(Math.toIntExact(t.byteSize()));
            }
            if (used[i] < used[victim]) {
                victim = i;
            }
        }
        ByteBuffer made = t.buffer();
        tensors[victim] = t;
        views[victim] = made;
        used[victim] = ++uses;
        return made;
    }
}
