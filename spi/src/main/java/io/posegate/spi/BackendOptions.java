package io.posegate.spi;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Backend-specific options from the gateway config ({@code backends.<name>.*}), as strings.
 * Each provider documents the keys it understands and calls {@link #requireOnly} so that a typo fails
 * loudly instead of being ignored. Immutable and thread-safe.
 */
public final class BackendOptions {
    private static final BackendOptions EMPTY = new BackendOptions(Map.of());

    private final Map<String, String> values;

    private BackendOptions(Map<String, String> values) {
        this.values = values;
    }

    public static BackendOptions empty() {
        return EMPTY;
    }

    public static BackendOptions of(Map<String, String> values) {
        return new BackendOptions(Map.copyOf(requireNonNull(values, "values is null")));
    }

    public Map<String, String> asMap() {
        return values;
    }

    public String get(String key, String defaultValue) {
        return values.getOrDefault(requireNonNull(key, "key is null"), defaultValue);
    }

    /** @throws BackendException {@link ErrorCode#INVALID_OPTION} if the value is not an integer */
    public int getInt(String key, int defaultValue) {
        String v = values.get(requireNonNull(key, "key is null"));
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new BackendException(ErrorCode.INVALID_OPTION, "option '" + key + "' must be an integer, got '" + v + "'");
        }
    }

    /** @throws BackendException {@link ErrorCode#INVALID_OPTION} if the value is not true/false */
    public boolean getBoolean(String key, boolean defaultValue) {
        String v = values.get(requireNonNull(key, "key is null"));
        if (v == null) {
            return defaultValue;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new BackendException(ErrorCode.INVALID_OPTION, "option '" + key + "' must be true or false, got '" + v + "'");
        };
    }

    /**
     * Fails if any key is not in {@code known}, naming the unknown keys and listing the known ones.
     *
     * @throws BackendException {@link ErrorCode#INVALID_OPTION}
     */
    public void requireOnly(String backend, Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new BackendException(ErrorCode.INVALID_OPTION, "unknown option(s) " + unknown + " for backend '" + backend
                    + "'; known: " + new TreeSet<>(known));
        }
    }

    @Override
    public String toString() {
        return new TreeMap<>(values).toString();
    }
}
