package io.posegate.backend.tensorrt.engine;

import static java.util.Objects.requireNonNull;

import io.posegate.spi.ElementType;
import io.posegate.spi.TensorInfo;
import java.util.Arrays;

/**
 * One input or output of an engine as TensorRT declares it: a binding (TensorRT 8) or a named IO tensor
 * (TensorRT 10). A dimension of {@code -1} is dynamic.
 *
 * @param name     the tensor's name in the engine
 * @param input    true for an input, false for an output
 * @param type     the element type, or {@code null} if TensorRT's type has no SPI equivalent
 * @param typeName TensorRT's name of the type ({@code kFLOAT}, {@code kINT8}...), for messages
 * @param shape    the declared shape
 */
public record IoTensor(String name, boolean input, ElementType type, String typeName, long[] shape) {
    public IoTensor {
        requireNonNull(name, "name is null");
        requireNonNull(typeName, "typeName is null");
        shape = requireNonNull(shape, "shape is null").clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** True if a dimension is dynamic. */
    public boolean dynamic() {
        return Arrays.stream(shape).anyMatch(d -> d < 0);
    }

    /** As an SPI {@link TensorInfo}; a type without SPI equivalent is reported as FLOAT32 only after the resolver rejected it. */
    public TensorInfo info(long[] concreteShape) {
        return new TensorInfo(name, type == null ? ElementType.FLOAT32 : type, concreteShape);
    }

    @Override
    public String toString() {
        return name + ":" + typeName + Arrays.toString(shape);
    }
}
