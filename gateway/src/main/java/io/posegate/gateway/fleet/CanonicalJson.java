package io.posegate.gateway.fleet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

/** JSON with sorted keys and no spaces, and its SHA-256: the {@code effectiveHash} of a reported config. */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    public static String sha256(JsonObject o) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(encode(o).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(Object v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v) {
        if (v instanceof JsonObject o) {
            sb.append('{');
            boolean first = true;
            for (String k : new TreeSet<>(o.fieldNames())) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(io.vertx.core.json.Json.encode(k)).append(':');
                append(sb, o.getValue(k));
            }
            sb.append('}');
        } else if (v instanceof JsonArray a) {
            sb.append('[');
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                append(sb, a.getValue(i));
            }
            sb.append(']');
        } else {
            sb.append(io.vertx.core.json.Json.encode(v));
        }
    }
}
