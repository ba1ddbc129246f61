package io.posegate.gateway.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads typed fields out of a JSON tree and collects every problem with its full path
 * ({@code streams.cam1.maxFps: must be a number, got "fast"}) instead of stopping at the first, so a
 * config or descriptor with several mistakes is reported in one go. Which values a type accepts is
 * {@link JsonValues}'s; enum names are {@link EnumNames}'.
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
        return read(field, defaultValue, JsonValues::asText, "a string");
    }

    /**
     * The field as text; null, with an error naming the field, when it is absent ("is required") or blank ("must not
     * be blank"). A value of the wrong type reads as null with the type error {@link #string} records.
     */
    public String requiredString(String field) {
        String s = string(field, null);
        if (s == null || s.isBlank()) {
            if (!has(field)) {
                error(field, "is required");
            } else if (s != null) {
                error(field, "must not be blank");
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
        E e = EnumNames.find(type, s);
        if (e != null) {
            return e;
        }
        error(field, "unknown value '" + s + "'; known: " + EnumNames.known(type));
        return defaultValue;
    }

    public double number(String field, double defaultValue) {
        return read(field, defaultValue, JsonValues::asNumber, "a number");
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
        return read(field, defaultValue, JsonValues::asBoolean, "true or false");
    }

    /**
     * The field as a file path, resolved against {@code base} (taken as written when {@code base} is null) and
     * normalised; absent, {@code defaultValue} likewise. A value no path can hold (a NUL character, ...) is an error
     * naming the field, and reads as the default.
     */
    public Path filePath(String field, Path base, String defaultValue) {
        String value = string(field, null);
        if (value != null) {
            try {
                return toPath(value, base);
            } catch (InvalidPathException e) {
                error(field, "is not a usable file path: " + e.getReason());
            }
        }
        return defaultValue == null ? null : toPath(defaultValue, base);
    }

    private static Path toPath(String value, Path base) {
        return base == null ? Path.of(value) : base.resolve(value).normalize();
    }

    /** A nested object; a missing one reads as empty. */
    public FieldReader object(String field) {
        return new FieldReader(read(field, null, JsonValues::asObject, "an object"), path(field), errors);
    }

    public JsonArray array(String field) {
        return read(field, null, JsonValues::asList, "a list");
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
                error(field + "[" + i + "]", "must be a number, got " + JsonValues.describe(a.getValue(i)));
                return null;
            }
            out[i] = n.floatValue();
        }
        return out;
    }

    /** The field converted by {@code convert}; absent, the default; of the wrong type, an error and the default. */
    private <T> T read(String field, T defaultValue, Function<Object, T> convert, String expected) {
        Object v = json.getValue(field);
        if (v == null) {
            return defaultValue;
        }
        T value = convert.apply(v);
        if (value != null) {
            return value;
        }
        error(field, "must be " + expected + ", got " + JsonValues.describe(v));
        return defaultValue;
    }
}
