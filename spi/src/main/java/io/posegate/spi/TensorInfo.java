package io.posegate.spi;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * What a model declares for one input or output: its name, element type and shape.
 * A dimension of {@code -1} is dynamic (decided per run or when the session is opened).
 */
public record TensorInfo(String name, ElementType type, long[] shape) {
    public TensorInfo {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        shape = requireNonNull(shape, "shape is null").clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** True if {@code concrete} has the same rank and agrees on every static dimension. */
    public boolean accepts(long[] concrete) {
        if (concrete.length != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] >= 0 && shape[i] != concrete[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && type == t.type && Arrays.equals(shape, t.shape);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + type.hashCode()) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + ":" + type + Arrays.toString(shape);
    }
}
