package io.posegate.gateway.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Which JSON values {@link FieldReader} takes as which type, and how it names a value it refuses. Numbers
 * and booleans may come as strings ({@code "5"}, {@code "true"}), as YAML and environment overrides give
 * them. Each conversion returns null for a value of the wrong type.
 */
final class JsonValues {
    private JsonValues() {
    }

    /** A string, number or boolean as text. */
    static String asText(Object v) {
        return v instanceof String || v instanceof Number || v instanceof Boolean ? v.toString() : null;
    }

    /** A number, or a string that parses as one. */
    static Double asNumber(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A boolean, or the string true or false in any case. */
    static Boolean asBoolean(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        return null;
    }

    static JsonObject asObject(Object v) {
        return v instanceof JsonObject o ? o : null;
    }

    static JsonArray asList(Object v) {
        return v instanceof JsonArray a ? a : null;
    }

    /** The value as an error message shows it: a string quoted, an object or list by its kind. */
    static String describe(Object v) {
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        return v instanceof JsonObject ? "an object" : v instanceof JsonArray ? "a list" : String.valueOf(v);
    }
}
