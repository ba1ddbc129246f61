package io.posegate.gateway.config;

import io.vertx.core.json.JsonArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parses {@link SecurityConfig} from the config tree, adding every problem to the shared error list. */
final class SecurityConfigs {
    /** The security fields accepted under {@code http}. */
    static final String[] HTTP_FIELDS = {"allowedHosts", "allowedOrigins", "maxConnectionsPerAddress",
        "headerTimeoutSeconds", "wsIdleSeconds", "tls"};

    private SecurityConfigs() {
    }

    static SecurityConfig parse(FieldReader root, FieldReader http, Path baseDir) {
        SecurityConfig d = SecurityConfig.defaults();
        boolean insecure = root.bool("insecure", false);
        FieldReader auth = root.object("auth");
        auth.onlyKnown("anonymous", "metrics", "tokens");
        String anonymous = oneOf(auth, "anonymous", d.anonymous(), List.of("auto", "viewer", "none"));
        String metrics = oneOf(auth, "metrics", d.metrics(), List.of("open", "viewer", "admin"));
        List<SecurityConfig.Token> tokens = new ArrayList<>();
        FieldReader t = auth.object("tokens");
        for (String name : t.raw().fieldNames()) {
            FieldReader e = t.object(name);
            e.onlyKnown("role", "id", "hash");
            String role = oneOf(e, "role", null, SecurityConfig.ROLES);
            String id = e.requiredString("id");
            String hash = e.requiredString("hash");
            if (hash != null && !hash.startsWith("pbkdf2-sha256$")) {
                e.error("hash", "must be a hash made by 'posegate token add' (pbkdf2-sha256$...), never a token");
            }
            tokens.add(new SecurityConfig.Token(name, role, id, hash));
        }
        FieldReader tl = http.object("tls");
        tl.onlyKnown("cert", "key");
        SecurityConfig.Tls tls = null;
        if (http.has("tls")) {
            java.nio.file.Path cert = tl.requiredString("cert") == null ? null : tl.filePath("cert", baseDir, null);
            java.nio.file.Path key = tl.requiredString("key") == null ? null : tl.filePath("key", baseDir, null);
            if (cert != null && key != null) {
                tls = new SecurityConfig.Tls(cert, key);
                if (!java.nio.file.Files.isRegularFile(tls.cert())) {
                    tl.error("cert", "PEM file not found: " + tls.cert());
                }
                if (!java.nio.file.Files.isRegularFile(tls.key())) {
                    tl.error("key", "PEM file not found: " + tls.key());
                }
            }
        }
        return new SecurityConfig(insecure, root.has("auth"), anonymous, metrics, tokens, strings(http, "allowedHosts"),
                strings(http, "allowedOrigins"), http.integer("maxConnectionsPerAddress", d.maxConnectionsPerAddress(), 1, 100_000),
                http.integer("headerTimeoutSeconds", d.headerTimeoutSeconds(), 1, 3600),
                http.integer("wsIdleSeconds", d.wsIdleSeconds(), 1, 3600), tls);
    }

    private static String oneOf(FieldReader r, String field, String dflt, List<String> known) {
        String v = dflt == null ? r.requiredString(field) : r.string(field, dflt);
        if (v != null && !known.contains(v)) {
            r.error(field, "'" + v + "' is not one of " + known);
        }
        return v;
    }

    private static List<String> strings(FieldReader r, String field) {
        List<String> out = new ArrayList<>();
        JsonArray a = r.array(field);
        if (a != null) {
            for (Object o : a) {
                if (o instanceof String s && !s.isBlank()) {
                    out.add(s.trim());
                } else {
                    r.error(field, "entries must be non-empty strings, got " + o);
                }
            }
        }
        return out;
    }
}
