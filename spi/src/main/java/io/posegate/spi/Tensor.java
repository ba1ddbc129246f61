package io.posegate.spi;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * A named, shaped view over a direct, native-order {@link ByteBuffer}.
 *
 * <p><b>Ownership.</b> A tensor never owns its memory: whoever allocated the buffer (a pipeline worker
 * for inputs, a {@link InferenceResult} for outputs) decides how long it lives. A tensor handed out by a
 * result is valid until that result is closed; copy what must outlive it.
 *
 * <p><b>Threading.</b> Tensors are not synchronised. One thread writes a tensor at a time; readers
 * must see it through a happens-before edge (a queue hand-off, a future).
 *
 * <p><b>Zero copy.</b> {@link #buffer()} returns a view of the same memory, so runtimes that accept
 * caller memory (ONNX Runtime, OpenVINO, TensorRT) read and write it in place.
 */
public final class Tensor {
    private final String name;
    private final ElementType type;
    private final long[] shape;
    private final ByteBuffer buffer;

    private Tensor(String name, ElementType type, long[] shape, ByteBuffer buffer) {
        this.name = name;
        this.type = type;
        this.shape = shape;
        this.buffer = buffer;
    }

    /**
     * Allocates a new zero-filled, direct, native-order tensor. Allocate once per worker and reuse it;
     * direct memory is expensive to allocate and is freed only by the garbage collector.
     *
     * @throws IllegalArgumentException if a dimension is negative or the tensor exceeds 2 GiB
     */
    public static Tensor allocate(String name, ElementType type, long... shape) {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        long[] s = checkShape(shape);
        long bytes = byteCount(name, type, s);
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor '" + name + "' of shape " + Arrays.toString(s) + " exceeds 2 GiB");
        }
        ByteBuffer b = ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
        return new Tensor(name, type, s, b);
    }

    /**
     * Wraps existing memory without copying. The buffer must be direct, in native byte order and hold
     * at least the tensor's bytes from position 0.
     *
     * @throws IllegalArgumentException naming the tensor when one of these does not hold
     */
    public static Tensor wrap(String name, ElementType type, long[] shape, ByteBuffer buffer) {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(buffer, "buffer is null");
        long[] s = checkShape(shape);
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("tensor '" + name + "': buffer is not direct");
        }
        if (buffer.order() != ByteOrder.nativeOrder()) {
            throw new IllegalArgumentException("tensor '" + name + "': buffer is not in native byte order");
        }
        long bytes = byteCount(name, type, s);
        if (buffer.capacity() < bytes) {
            throw new IllegalArgumentException("tensor '" + name + "' of shape " + Arrays.toString(s) + " needs "
                    + bytes + " bytes but the buffer holds " + buffer.capacity());
        }
        return new Tensor(name, type, s, buffer.duplicate().order(ByteOrder.nativeOrder()).clear().limit((int) bytes));
    }

    public String name() {
        return name;
    }

    public ElementType type() {
        return type;
    }

    /** A copy of the shape, outermost dimension first. */
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /**
     * Size of dimension {@code i} as an int.
     *
     * @throws ArithmeticException if it exceeds an int (a legal shape such as {@code [1,3,2^32,0]} holds no bytes);
     *                             compare shapes with {@link #dimension} instead
     */
    public int dim(int i) {
        return Math.toIntExact(shape[i]);
    }

    /** Size of dimension {@code i} as stored (a long): for comparing shapes without copying them or overflowing. */
    public long dimension(int i) {
        return shape[i];
    }

    public long elementCount() {
        return elementCount(shape);
    }

    public long byteSize() {
        return elementCount() * type.byteSize();
    }

    /** A fresh view (position 0, limit = byte size, native order) over the tensor's memory. */
    public ByteBuffer buffer() {
        return buffer.duplicate().order(ByteOrder.nativeOrder()).clear().limit((int) byteSize());
    }

    /**
     * A float view over the tensor's memory.
     *
     * @throws IllegalStateException if the element type is not {@link ElementType#FLOAT32}
     */
    public FloatBuffer floats() {
        if (type != ElementType.FLOAT32) {
            throw new IllegalStateException("tensor '" + name + "' is " + type + ", not FLOAT32");
        }
        return buffer().asFloatBuffer();
    }

    /** The same memory under another name, e.g. to hand an output to a decoder under its descriptor role. */
    public Tensor withName(String newName) {
        return new Tensor(requireNonNull(newName, "newName is null"), type, shape, buffer);
    }

    /**
     * A view of items {@code 0..n-1} along the first (batch) dimension: the same memory, shape {@code [n, ...]}.
     * Make these once (per batch size) and reuse them; the view is a new object.
     *
     * @throws IllegalArgumentException if the tensor has no dimension or {@code n} is not within 1..dim(0)
     */
    public Tensor firstItems(int n) {
        checkItems(n, 1);
        long[] s = shape.clone();
        s[0] = n;
        return new Tensor(name, type, s, buffer);
    }

    /**
     * A view of item {@code i} along the first (batch) dimension, with shape {@code [1, ...]}: where frame
     * {@code i} of a batch is written (inputs) or read (outputs).
     *
     * @throws IllegalArgumentException if the tensor has no dimension or {@code i} is not within 0..dim(0)-1
     */
    public Tensor item(int i) {
        checkItems(i + 1, 1);
        long[] s = shape.clone();
        s[0] = 1;
        long itemBytes = elementCount(s) * type.byteSize();
        ByteBuffer b = buffer.duplicate().clear().position((int) (i * itemBytes)).limit((int) ((i + 1) * itemBytes))
                .slice().order(ByteOrder.nativeOrder());
        return new Tensor(name, type, s, b);
    }

    private void checkItems(int n, int min) {
        if (shape.length == 0 || n < min || n > shape[0]) {
            throw new IllegalArgumentException("tensor " + this + " has no batch item " + (n - 1));
        }
    }

    public static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The tensor's byte count, or an IllegalArgumentException naming the shape when it overflows a long. */
    private static long byteCount(String name, ElementType type, long[] shape) {
        try {
            return Math.multiplyExact(elementCount(shape), (long) type.byteSize());
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException("tensor '" + name + "' of shape " + Arrays.toString(shape)
                    + " has more bytes than a long can count");
        }
    }

    private static long[] checkShape(long[] shape) {
        requireNonNull(shape, "shape is null");
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
        }
        return shape.clone();
    }

    @Override
    public String toString() {
        return "Tensor[" + name + " " + type + " " + Arrays.toString(shape) + "]";
    }
}
