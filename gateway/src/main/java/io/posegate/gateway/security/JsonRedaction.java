package io.posegate.gateway.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A redacted deep copy of a JSON document that may hold config (a desired config, a rollout, a box's payloads),
 * for API answers; the original is left untouched (it is what gets published). Every string is redacted the
 * way {@code GET /api/config} redacts the gateway's own config: a {@code source} with {@link Redaction#uri},
 * any other value with {@link Redaction#value} (masked whole under a secret-looking name such as
 * {@code ffmpeg.headers}, else its URLs and secret-named pairs masked). Numbers and booleans under a
 * secret-looking name are masked too; objects and arrays are walked whatever their name.
 */
public final class JsonRedaction {
    private JsonRedaction() {
    }

    /** A redacted copy of {@code doc}; {@code null} stays {@code null}. */
    public static JsonObject copy(JsonObject doc) {
        if (doc == null) {
            return null;
        }
        JsonObject out = new JsonObject();
        doc.forEach(e -> out.put(e.getKey(), value(e.getKey(), e.getValue())));
        return out;
    }

    private static JsonArray copy(String name, JsonArray array) {
        JsonArray out = new JsonArray();
        array.forEach(v -> out.add(value(name, v)));
        return out;
    }

    private static Object value(String name, Object v) {
        if (v instanceof JsonObject o) {
            return copy(o);
        }
        if (v instanceof JsonArray a) {
            return copy(name, a);
        }
        if (v instanceof String s) {
            return "source".equals(name) ? Redaction.uri(s) : Redaction.value(name, s);
        }
        if (v != null && SecretNames.isSecret(name)) {
            return Redaction.MASK;
        }
        return v;
    }
}
