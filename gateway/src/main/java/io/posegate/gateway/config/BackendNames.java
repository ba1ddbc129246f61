package io.posegate.gateway.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backend names that {@code backends.<name>} sections (gateway config, model descriptors) may use: those of
 * the {@link DiscoveredBackends}, which skips a provider that fails to load. Thread-safe.
 */
public final class BackendNames {
    private BackendNames() {
    }

    /** The names, sorted. */
    public static List<String> known() {
        return DiscoveredBackends.all().stream().map(DiscoveredBackends.Backend::name).sorted().distinct().toList();
    }

    /**
     * Reads a {@code backends} section: for each backend its options as text. A key that names no known backend is
     * an error listing the known ones ({@code backends.onxx: unknown backend; known: onnx, openvino, ...}), and
     * its options are dropped.
     */
    public static Map<String, Map<String, String>> options(FieldReader backends) {
        Map<String, Map<String, String>> options = new LinkedHashMap<>();
        for (String name : backends.raw().fieldNames()) {
            if (!known().contains(name)) {
                backends.error(name, "unknown backend; known: " + String.join(", ", known()));
                continue;
            }
            Map<String, String> opts = new LinkedHashMap<>();
            backends.object(name).raw().forEach(e -> opts.put(e.getKey(), String.valueOf(e.getValue())));
            options.put(name, opts);
        }
        return options;
    }
}
