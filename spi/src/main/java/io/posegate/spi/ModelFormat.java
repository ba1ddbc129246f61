package io.posegate.spi;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A kind of model file that a {@link BackendProvider} reads: a name used in descriptors and on the
 * command line, and the file-name suffixes that identify it. The set is open: a provider declares the
 * formats it reads ({@link BackendProvider#formats()}), including ones of its own; the constants here
 * are only the common ones several providers share. Two formats are equal when their names are.
 * Immutable and thread-safe.
 */
public final class ModelFormat {
    /** An ONNX graph ({@code .onnx}). */
    public static final ModelFormat ONNX = of("onnx", ".onnx");
    /** OpenVINO intermediate representation: an {@code .xml} graph plus its {@code .bin} weights. */
    public static final ModelFormat OPENVINO_IR = of("openvino-ir", ".xml");
    /** A serialised TensorRT engine, specific to one GPU and TensorRT version. */
    public static final ModelFormat TENSORRT_ENGINE = of("tensorrt-engine", ".engine", ".plan", ".trt");
    /** A TensorFlow Lite flatbuffer ({@code .tflite}). */
    public static final ModelFormat TFLITE = of("tflite", ".tflite");

    private final String id;
    private final List<String> suffixes;

    private ModelFormat(String id, List<String> suffixes) {
        this.id = id;
        this.suffixes = suffixes;
    }

    /**
     * A format named {@code id} (lower-case letters, digits, '-', '.', '_'), recognised by any of
     * {@code suffixes} (matched case-insensitively at the end of a file name).
     *
     * @throws IllegalArgumentException for a malformed name or suffix
     */
    public static ModelFormat of(String id, String... suffixes) {
        requireNonNull(id, "id is null");
        requireNonNull(suffixes, "suffixes is null");
        if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("model format name '" + id + "' must be lower-case letters, digits, '.', '_', '-'");
        }
        for (String s : suffixes) {
            if (requireNonNull(s, "suffix is null").isEmpty()) {
                throw new IllegalArgumentException("model format '" + id + "' has an empty file suffix");
            }
        }
        return new ModelFormat(id, List.of(suffixes).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
    }

    /** The name used in descriptors and on the command line. */
    public String id() {
        return id;
    }

    /** The file-name suffixes of this format, lower case, e.g. {@code [.engine, .plan, .trt]}. */
    public List<String> suffixes() {
        return suffixes;
    }

    /** True if {@code fileName} ends with one of the suffixes (case-insensitive). */
    public boolean matches(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return suffixes.stream().anyMatch(n::endsWith);
    }

    /**
     * The format of this name among {@code known}.
     *
     * @throws IllegalArgumentException naming the value and listing the known formats
     */
    public static ModelFormat fromId(String id, Collection<ModelFormat> known) {
        String wanted = requireNonNull(id, "id is null").toLowerCase(Locale.ROOT);
        for (ModelFormat f : known) {
            if (f.id.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown model format '" + id + "'; known: " + names(known));
    }

    /** The first of {@code known} whose suffix ends {@code fileName}, or {@code null}. */
    public static ModelFormat fromFileName(String fileName, Collection<ModelFormat> known) {
        requireNonNull(fileName, "fileName is null");
        for (ModelFormat f : known) {
            if (f.matches(fileName)) {
                return f;
            }
        }
        return null;
    }

    /** The names of {@code formats}, sorted, comma-separated. */
    public static String names(Collection<ModelFormat> formats) {
        return formats.stream().map(ModelFormat::id).sorted().distinct().collect(Collectors.joining(", "));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelFormat f && id.equals(f.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
