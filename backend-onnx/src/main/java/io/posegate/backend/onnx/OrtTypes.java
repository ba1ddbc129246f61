package io.posegate.backend.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import io.posegate.spi.ElementType;
import io.posegate.spi.TensorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Conversions between ONNX Runtime's tensor descriptions and the SPI's. Stateless. */
final class OrtTypes {
    private OrtTypes() {
    }

    /** The SPI element type of an ONNX Runtime type, or {@code null} when the SPI has none. */
    static ElementType elementType(OnnxJavaType type) {
        return switch (type) {
            case FLOAT -> ElementType.FLOAT32;
            case FLOAT16 -> ElementType.FLOAT16;
            case UINT8 -> ElementType.UINT8;
            case INT8 -> ElementType.INT8;
            case INT32 -> ElementType.INT32;
            case INT64 -> ElementType.INT64;
            default -> null;
        };
    }

    /** The ONNX Runtime type of an SPI element type. */
    static OnnxJavaType javaType(ElementType type) {
        return switch (type) {
            case FLOAT32 -> OnnxJavaType.FLOAT;
            case FLOAT16 -> OnnxJavaType.FLOAT16;
            case UINT8 -> OnnxJavaType.UINT8;
            case INT8 -> OnnxJavaType.INT8;
            case INT32 -> OnnxJavaType.INT32;
            case INT64 -> OnnxJavaType.INT64;
        };
    }

    /**
     * The tensors among {@code nodes} as SPI descriptions, in the model's order. Non-tensor values and
     * element types the SPI lacks are left out; {@link #describe} still names them.
     */
    static List<TensorInfo> tensors(Map<String, NodeInfo> nodes) {
        List<TensorInfo> out = new ArrayList<>();
        for (NodeInfo node : nodes.values()) {
            if (node.getInfo() instanceof ai.onnxruntime.TensorInfo t && elementType(t.type) != null) {
                out.add(new TensorInfo(node.getName(), elementType(t.type), t.getShape()));
            }
        }
        return out;
    }

    /** A short human-readable list of {@code nodes}, e.g. {@code [heatmaps FLOAT[1, 19, -1, -1]]}. */
    static String describe(Map<String, NodeInfo> nodes) {
        List<String> parts = new ArrayList<>();
        for (NodeInfo node : nodes.values()) {
            parts.add(node.getInfo() instanceof ai.onnxruntime.TensorInfo t
                    ? node.getName() + " " + t.type + java.util.Arrays.toString(t.getShape())
                    : node.getName() + " " + node.getInfo());
        }
        return parts.toString();
    }
}
