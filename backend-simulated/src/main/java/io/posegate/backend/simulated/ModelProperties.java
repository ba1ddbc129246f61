package io.posegate.backend.simulated;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads of a simulated model file, a {@link Properties} file whose keys are dotted paths such as
 * {@code markerCode.redStep}. Every error names the file and the key. Not thread-safe; used while loading.
 */
final class ModelProperties {
    private final String file;
    private final Properties values;

    private ModelProperties(String file, Properties values) {
        this.file = file;
        this.values = values;
    }

    /** @throws IOException when the file cannot be read; {@link IllegalArgumentException} when it is malformed */
    static ModelProperties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return new ModelProperties(file.toString(), p);
    }

    /** Fails on the first key not in {@code known}, listing the known ones. */
    void onlyKnown(Set<String> known) {
        for (String key : new TreeSet<>(values.stringPropertyNames())) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(file + ": unknown key '" + key + "'; known: " + new TreeSet<>(known));
            }
        }
    }

    String string(String key) {
        return required(key);
    }

    /** The value of {@code key}, which must be one of {@code allowed}. */
    String oneOf(String key, Set<String> allowed) {
        String v = required(key);
        if (!allowed.contains(v)) {
            throw bad(key, "one of " + new TreeSet<>(allowed));
        }
        return v;
    }

    int integer(String key, int min, int max) {
        try {
            int n = Integer.parseInt(required(key));
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "an integer in [" + min + ", " + max + "]");
    }

    float positive(String key) {
        try {
            double d = Double.parseDouble(required(key));
            if (d > 0 && !Double.isInfinite(d)) {
                return (float) d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "a positive number");
    }

    IllegalArgumentException bad(String key, String expected) {
        return new IllegalArgumentException(file + ": '" + key + "' must be " + expected + ", got '" + values.getProperty(key) + "'");
    }

    private String required(String key) {
        String v = values.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(file + ": missing key '" + key + "'");
        }
        return v.trim();
    }
}
