package io.posegate.gateway.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one parser of {@code key=value&key2&...} parameter strings, used by every source: a source URI's
 * fragment ({@link SourceUri}), a {@code demo:?...} query ({@code DemoUri}) and the {@code /ws?webcam=NAME}
 * query of the webcam socket. Blank pairs are skipped; a pair is split at its first '='; nothing is
 * decoded (a caller that takes URL-encoded text decodes the values it reads). Stateless.
 */
public final class QueryString {
    /**
     * One parameter as written.
     *
     * @param key   the text before the first '=' (empty for {@code =value})
     * @param value the text after it, or null for a bare {@code key}
     */
    public record Param(String key, String value) {
        /** True for {@code key=value} with a non-empty key. */
        public boolean isKeyValue() {
            return !key.isEmpty() && value != null;
        }

        @Override
        public String toString() {
            return value == null ? key : key + "=" + value;
        }
    }

    private QueryString() {
    }

    /** The parameters of {@code text} in order, repeats kept; an empty list for null or empty text. */
    public static List<Param> parse(String text) {
        List<Param> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String pair : text.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.add(eq < 0 ? new Param(pair, null) : new Param(pair.substring(0, eq), pair.substring(eq + 1)));
        }
        return out;
    }

    /**
     * The parameters of {@code text} by key, a later repeat winning; a bare key gets {@code bareValue}.
     *
     * @throws IllegalArgumentException naming the parameter when {@code bareValue} is null and a parameter is
     *                                  not {@code key=value}; the message starts with {@code what}
     */
    public static Map<String, String> toMap(String text, String bareValue, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Param p : parse(text)) {
            if (bareValue == null && !p.isKeyValue()) {
                throw new IllegalArgumentException(what + ": parameter '" + p + "' is not key=value");
            }
            out.put(p.key(), p.value() == null ? bareValue : p.value());
        }
        return out;
    }
}
