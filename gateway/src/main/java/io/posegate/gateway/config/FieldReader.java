package io.posegate.gateway.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed fields out of a JSON tree and collects every problem with its full path
 * ({@code streams.cam1.maxFps: must be a number, got "fast"}) instead of stopping at the first, so a
 * config or descriptor with several mistakes is reported in one go.
 */
public final class FieldReader {
    private final JsonObject json;
    private final String path;
    private final List<String> errors;

    public FieldReader(JsonObject json, String path, List<String> errors) {
        this.json = json == null ? new JsonObject() : json;
        this.path = path;
        this.errors = errors;
    }

    public static FieldReader root(JsonObject json, List<String> errors) {
        return new FieldReader(json, "", errors);
    }

    public String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public void error(String field, String message) {
        errors.add(path(field) + ": " + message);
    }

    public boolean has(String field) {
        return json.getValue(field) != null;
    }

    public JsonObject raw() {
        return json;
    }

    /** Fails for every key not in {@code known}, listing the known ones. */
    public void onlyKnown(String... known) {
        Set<String> k = Set.of(known);
        for (String name : json.fieldNames()) {
            if (!k.contains(name)) {
                errors.add(path(name) + ": unknown field; known: " + new TreeSet<>(k));
            }
        }
    }

    public String string(String field, String defaultValue) {
        Object v = json.getValue(field);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        error(field, "must be a string, got " + describe(v));
        return defaultValue;
    }

    public String requiredString(String field) {
        String s = string(field, null);
        if (s == null || s.isBlank()) {
            if (!has(field)) {
                error(field, "is required");
            }
            return null;
        }
        return s;
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type, E defaultValue) {
        String s = string(field, null);
        if (s == null) {
            return defaultValue;
        }
        String norm = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(norm)) {
                return e;
            }
        }
        List<String> known = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            known.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        error(field, "unknown value '" + s + "'; known: " + known);
        return defaultValue;
    }

    public double number(String field, double defaultValue) {
        Object v = json.getValue(field);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(field, "must be a number, got " + describe(v));
        return defaultValue;
    }

    public int integer(String field, int defaultValue, int min, int max) {
        double d = number(field, defaultValue);
        if (d != Math.rint(d)) {
            error(field, "must be a whole number, got " + d);
            return defaultValue;
        }
        if (d < min || d > max) {
            error(field, "must be between " + min + " and " + max + ", got " + (long) d);
            return defaultValue;
        }
        return (int) d;
    }

    public boolean bool(String field, boolean defaultValue) {
        Object v = json.getValue(field);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        error(field, "must be true or false, got " + describe(v));
        return defaultValue;
    }

    /** A nested object; a missing one reads as empty. */
    public FieldReader object(String field) {
        Object v = json.getValue(field);
        if (v != null && !(v instanceof JsonObject)) {
            error(field, "must be an object, got " + describe(v));
            v = null;
        }
        return new FieldReader((JsonObject) v, path(field), errors);
    }

    public JsonArray array(String field) {
        Object v = json.getValue(field);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonArray a) {
            return a;
        }
        error(field, "must be a list, got " + describe(v));
        return null;
    }

    /** A list of numbers of exactly {@code size} elements (any size when size &lt; 0), or null when absent. */
    public float[] floats(String field, int size) {
        JsonArray a = array(field);
        if (a == null) {
            return null;
        }
        if (size >= 0 && a.size() != size) {
            error(field, "must have " + size + " numbers, got " + a.size());
            return null;
        }
        float[] out = new float[a.size()];
        for (int i = 0; i < a.size(); i++) {
            if (!(a.getValue(i) instanceof Number n)) {
                error(field + "[" + i + "]", "must be a number, got " + describe(a.getValue(i)));
                return null;
            }
            out[i] = n.floatValue();
        }
        return out;
    }

    private static String describe(Object v) {
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        return v instanceof JsonObject ? "an object" : v instanceof JsonArray ? "a list" : String.valueOf(v);
    }
}
