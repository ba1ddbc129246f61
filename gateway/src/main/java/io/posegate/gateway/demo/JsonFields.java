package io.posegate.gateway.demo;

import java.util.List;
import java.util.Map;

/**
 * Typed access to one JSON object of the simulated model file; every error names the file and the
 * field's path (for example {@code markerCode.redStep}). Throws {@link IllegalArgumentException}.
 */
final class JsonFields {
    private final String file;
    private final String path;
    private final Map<?, ?> map;

    JsonFields(String file, String path, Object value) {
        this.file = file;
        this.path = path;
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(file + ": '" + (path.isEmpty() ? "(root)" : path) + "' must be an object");
        }
        this.map = m;
    }

    JsonFields object(String key) {
        return new JsonFields(file, name(key), required(key));
    }

    String string(String key) {
        if (!(required(key) instanceof String s) || s.isBlank()) {
            throw bad(key, "a non-empty string");
        }
        return s;
    }

    int integer(String key, int min, int max) {
        if (!(required(key) instanceof Double d) || d != Math.rint(d) || d < min || d > max) {
            throw bad(key, "an integer in [" + min + ", " + max + "]");
        }
        return d.intValue();
    }

    float positive(String key) {
        if (!(required(key) instanceof Double d) || !(d > 0) || d.isInfinite()) {
            throw bad(key, "a positive number");
        }
        return d.floatValue();
    }

    List<?> list(String key) {
        if (!(required(key) instanceof List<?> l)) {
            throw bad(key, "an array");
        }
        return l;
    }

    /** The i-th element of array {@code key} as an object. */
    JsonFields element(String key, int i) {
        return new JsonFields(file, name(key) + "[" + i + "]", list(key).get(i));
    }

    String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    IllegalArgumentException bad(String key, String expected) {
        return new IllegalArgumentException(file + ": '" + name(key) + "' must be " + expected + ", got " + map.get(key));
    }

    private Object required(String key) {
        if (!map.containsKey(key)) {
            throw new IllegalArgumentException(file + ": missing field '" + name(key) + "'");
        }
        return map.get(key);
    }
}
