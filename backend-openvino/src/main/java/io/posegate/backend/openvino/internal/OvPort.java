package io.posegate.backend.openvino.internal;

import io.posegate.spi.ElementType;
import io.posegate.spi.TensorInfo;

/**
 * One input or output of an OpenVINO model as the runtime reports it.
 *
 * @param index    the port's index among the model's inputs or outputs
 * @param name     a tensor name of the port
 * @param typeCode the {@code ov_element_type_e} code
 * @param type     the SPI element type, or null when PoseGate cannot exchange this type
 * @param shape    the dimensions, -1 where dynamic
 */
public record OvPort(int index, String name, int typeCode, ElementType type, long[] shape) {
    public OvPort {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** True if every dimension is known. */
    public boolean isStatic() {
        for (long d : shape) {
            if (d < 0) {
                return false;
            }
        }
        return true;
    }

    /** As an SPI tensor description (FLOAT32 is assumed for types the SPI lacks, which sessions reject). */
    public TensorInfo toInfo() {
        return new TensorInfo(name, type == null ? ElementType.FLOAT32 : type, shape);
    }
}
