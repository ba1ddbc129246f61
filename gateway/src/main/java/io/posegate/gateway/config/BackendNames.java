package io.posegate.gateway.config;

import io.posegate.spi.BackendProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The backend names that {@code backends.<name>} sections (gateway config, model descriptors) may use: those of
 * the {@link BackendProvider}s on the class path, learnt once with {@link ServiceLoader}. A provider that fails to
 * load is skipped. Thread-safe.
 */
public final class BackendNames {
    private static volatile List<String> known;

    private BackendNames() {
    }

    /** The names, sorted. */
    public static List<String> known() {
        List<String> k = known;
        if (k == null) {
            TreeSet<String> names = new TreeSet<>();
            ServiceLoader.load(BackendProvider.class).stream().forEach(p -> {
                try {
                    names.add(p.get().name());
                } catch (RuntimeException | LinkageError e) {
                    // a broken provider has no name to offer
                }
            });
            k = List.copyOf(names);
            known = k;
        }
        return k;
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
