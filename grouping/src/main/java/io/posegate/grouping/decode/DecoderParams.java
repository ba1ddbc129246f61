package io.posegate.grouping.decode;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A decoder's settings by name, as a model descriptor states them (numbers, booleans, strings). Each
 * decoder reads the names it knows, with its own defaults, and refuses names it does not know.
 * Immutable and thread-safe.
 */
public final class DecoderParams {
    private static final DecoderParams EMPTY = new DecoderParams(Map.of());
    private final Map<String, Object> values;

    private DecoderParams(Map<String, Object> values) {
        this.values = values;
    }

    /** No settings: every decoder's defaults. */
    public static DecoderParams defaults() {
        return EMPTY;
    }

    /** @throws NullPointerException if a name or value is null */
    public static DecoderParams of(Map<String, ?> values) {
        requireNonNull(values, "values is null");
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(requireNonNull(k, "parameter name is null"),
                requireNonNull(v, "value of parameter '" + k + "' is null")));
        return new DecoderParams(Map.copyOf(copy));
    }

    /** This plus one setting (replacing any of that name). */
    public DecoderParams with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
        return new DecoderParams(Map.copyOf(copy));
    }

    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * @throws IllegalArgumentException listing every name not in {@code known}, and the known ones
     */
    public void requireKnown(String decoder, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(values.keySet())) {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("decoder '" + decoder + "' has no parameter(s) " + unknown
                    + "; known: " + new TreeSet<>(known));
        }
    }

    /** @throws IllegalArgumentException if the value is not a number */
    public float floatValue(String name, float fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a number, got '" + v + "'");
        }
        return n.floatValue();
    }

    /** @throws IllegalArgumentException if the value is not a number */
    public double doubleValue(String name, double fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a number, got '" + v + "'");
        }
        return n.doubleValue();
    }

    /** @throws IllegalArgumentException if the value is not a whole number */
    public int intValue(String name, int fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a whole number, got '" + v + "'");
        }
        return n.intValue();
    }

    /** @throws IllegalArgumentException if the value is not a boolean */
    public boolean booleanValue(String name, boolean fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("parameter '" + name + "' must be true or false, got '" + v + "'");
        }
        return b;
    }

    /** @throws IllegalArgumentException if the value is not one of {@code allowed} */
    public String choice(String name, String fallback, List<String> allowed) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!allowed.contains(v.toString())) {
            throw new IllegalArgumentException("parameter '" + name + "' must be one of " + allowed + ", got '" + v + "'");
        }
        return v.toString();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
