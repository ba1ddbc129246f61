package io.posegate.spi;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats a {@link BackendProvider} may accept. */
public enum ModelFormat {
    /** An ONNX graph ({@code .onnx}). */
    ONNX("onnx"),
    /** OpenVINO intermediate representation: an {@code .xml} graph plus its {@code .bin} weights. */
    OPENVINO_IR("openvino-ir"),
    /** A serialised TensorRT engine ({@code .engine}, {@code .plan}), specific to one GPU and TensorRT version. */
    TENSORRT_ENGINE("tensorrt-engine"),
    /** A synthetic model description for the simulated backend (the demo); no network inside. */
    SIMULATED("simulated");

    private final String id;

    ModelFormat(String id) {
        this.id = id;
    }

    /** The name used in descriptors and on the command line. */
    public String id() {
        return id;
    }

    /**
     * Parses a format name as written in a descriptor.
     *
     * @throws IllegalArgumentException naming the value and listing the known formats
     */
    public static ModelFormat fromId(String id) {
        for (ModelFormat f : values()) {
            if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown model format '" + id + "'; known: "
                + Arrays.stream(values()).map(ModelFormat::id).collect(Collectors.joining(", ")));
    }

    /** Guesses the format from a file name's extension, or returns {@code null}. */
    public static ModelFormat fromFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".onnx")) {
            return ONNX;
        }
        if (n.endsWith(".xml")) {
            return OPENVINO_IR;
        }
        if (n.endsWith(".engine") || n.endsWith(".plan") || n.endsWith(".trt")) {
            return TENSORRT_ENGINE;
        }
        if (n.endsWith(".sim.json") || n.endsWith(".sim")) {
            return SIMULATED;
        }
        return null;
    }
}
