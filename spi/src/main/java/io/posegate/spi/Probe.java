package io.posegate.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of {@link BackendProvider#probe()}: whether the backend can be used on this machine, and
 * if not, precisely why. A value, never an exception.
 *
 * @param available    true if {@link BackendProvider#open} can be expected to succeed for a valid model
 * @param reason       a precise, human-readable reason when unavailable ({@code "libnvinfer.so.8 not found"});
 *                     a short summary when available ({@code "ONNX Runtime 1.23.2, CPU"})
 * @param formats      the model formats this backend accepts
 * @param capabilities short capability tags: devices and features ({@code "CPU"}, {@code "CUDA"}, {@code "MYRIAD"}, {@code "fp16"})
 * @param details      free-form facts for operators: runtime version, library path, ...
 */
public record Probe(boolean available, String reason, Set<ModelFormat> formats, List<String> capabilities,
                    Map<String, String> details) {
    public Probe {
        requireNonNull(reason, "reason is null");
        formats = Set.copyOf(requireNonNull(formats, "formats is null"));
        capabilities = List.copyOf(requireNonNull(capabilities, "capabilities is null"));
        details = Map.copyOf(requireNonNull(details, "details is null"));
    }

    public static Probe available(String summary, Set<ModelFormat> formats, List<String> capabilities,
                                  Map<String, String> details) {
        return new Probe(true, summary, formats, capabilities, details);
    }

    public static Probe unavailable(String reason, Set<ModelFormat> formats) {
        return new Probe(false, reason, formats, List.of(), Map.of());
    }

    public static Probe unavailable(String reason, Set<ModelFormat> formats, Map<String, String> details) {
        return new Probe(false, reason, formats, List.of(), details);
    }

    /** True if the backend is available and accepts {@code format}. */
    public boolean canLoad(ModelFormat format) {
        return available && formats.contains(format);
    }
}
