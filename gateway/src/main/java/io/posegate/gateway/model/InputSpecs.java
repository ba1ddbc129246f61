package io.posegate.gateway.model;

import io.posegate.gateway.config.FieldReader;
import io.posegate.spi.ElementType;

/** Parses the {@code input} section of a model descriptor. */
final class InputSpecs {
    private InputSpecs() {
    }

    static InputSpec parse(FieldReader r) {
        r.onlyKnown("name", "height", "width", "type", "layout", "colorOrder", "normalization", "resize", "padValue");
        String name = r.requiredString("name");
        int height = r.integer("height", 0, 1, 8192);
        int width = r.integer("width", 0, 1, 8192);
        if (!r.has("height")) {
            r.error("height", "is required");
        }
        if (!r.has("width")) {
            r.error("width", "is required");
        }
        TensorLayout layout = r.enumValue("layout", TensorLayout.class, TensorLayout.NCHW);
        ElementType type = ElementType.FLOAT32;
        String typeName = r.string("type", "float32");
        switch (typeName.toLowerCase(java.util.Locale.ROOT)) {
            case "float32" -> type = ElementType.FLOAT32;
            case "uint8" -> type = ElementType.UINT8;
            case "int8" -> type = ElementType.INT8;
            default -> r.error("type", "unknown input type '" + typeName + "'; known: float32, uint8, int8");
        }
        InputSpec.ColorOrder order = r.enumValue("colorOrder", InputSpec.ColorOrder.class, InputSpec.ColorOrder.RGB);
        InputSpec.ResizePolicy resize = r.enumValue("resize", InputSpec.ResizePolicy.class, InputSpec.ResizePolicy.STRETCH);
        float pad = (float) r.number("padValue", 0);
        float scale = 1f;
        float[] mean = {0, 0, 0};
        float[] std = {1, 1, 1};
        Object norm = r.raw().getValue("normalization");
        if (norm instanceof String s) {
            if (!s.equals("inside-graph") && !s.equals("none")) {
                r.error("normalization", "must be 'inside-graph' or an object {scale, mean, std}, got '" + s + "'");
            }
        } else if (norm != null) {
            FieldReader n = r.object("normalization");
            n.onlyKnown("scale", "mean", "std");
            scale = (float) n.number("scale", 1.0);
            float[] m = n.floats("mean", 3);
            float[] sd = n.floats("std", 3);
            mean = m == null ? mean : m;
            std = sd == null ? std : sd;
            for (int i = 0; i < 3; i++) {
                if (std[i] == 0f) {
                    n.error("std[" + i + "]", "must not be 0");
                    std[i] = 1f;
                }
            }
        }
        return new InputSpec(name, height, width, type, layout == null ? TensorLayout.NCHW : layout, order, scale, mean, std, resize, pad);
    }
}
