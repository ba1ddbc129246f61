package io.posegate.gateway.config;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the merged config tree into a {@link GatewayConfig}, validating everything up front and
 * listing every problem with its path. Relative paths are resolved against {@code baseDir} (the config
 * file's folder).
 */
public final class GatewayConfigs {
    private GatewayConfigs() {
    }

    /** @throws ConfigException listing every problem */
    public static GatewayConfig parse(JsonObject json, Path baseDir) {
        List<String> errors = new ArrayList<>();
        FieldReader root = FieldReader.root(json, errors);
        root.onlyKnown("http", "model", "modelFile", "modelsDir", "backend", "backends", "inference", "tracking", "media", "streams",
                "auth", "insecure");
        FieldReader http = root.object("http");
        http.onlyKnown(withSecurity("host", "port", "wsQueue"));
        GatewayConfig.Http h = new GatewayConfig.Http(http.string("host", "127.0.0.1"), http.integer("port", 8080, 0, 65535),
                http.integer("wsQueue", 8, 1, 1024));
        String model = root.string("model", "demo-simulated");
        String modelFile = root.string("modelFile", null);
        Path modelsDir = baseDir.resolve(root.string("modelsDir", "models")).normalize();
        String backend = root.string("backend", "auto");
        Map<String, Map<String, String>> backendOptions = new LinkedHashMap<>();
        FieldReader backends = root.object("backends");
        for (String name : backends.raw().fieldNames()) {
            Map<String, String> opts = new LinkedHashMap<>();
            backends.object(name).raw().forEach(e -> opts.put(e.getKey(), String.valueOf(e.getValue())));
            backendOptions.put(name, opts);
        }
        FieldReader inference = root.object("inference");
        inference.onlyKnown("workers");
        int workers = inference.integer("workers", 1, 1, 64);
        FieldReader tr = root.object("tracking");
        tr.onlyKnown("enabled", "oksThreshold", "maxAge", "smoothing");
        GatewayConfig.Tracking tracking = new GatewayConfig.Tracking(tr.bool("enabled", true),
                (float) tr.number("oksThreshold", 0.3), tr.integer("maxAge", 10, 0, 10_000), tr.bool("smoothing", false));
        FieldReader media = root.object("media");
        media.onlyKnown("dir");
        Path mediaDir = baseDir.resolve(media.string("dir", "../media")).normalize();
        List<GatewayConfig.StreamConfig> streams = new ArrayList<>();
        FieldReader s = root.object("streams");
        for (String id : s.raw().fieldNames()) {
            streams.add(parseStream(id, s.object(id), errors));
        }
        SecurityConfig security = SecurityConfigs.parse(root, http, baseDir);
        if (!errors.isEmpty()) {
            throw new ConfigException("config", errors);
        }
        return new GatewayConfig(h, model, modelFile == null ? null : Path.of(modelFile), modelsDir, backend, backendOptions,
                workers, tracking, mediaDir, streams, security);
    }

    private static String[] withSecurity(String... httpFields) {
        List<String> all = new ArrayList<>(List.of(httpFields));
        all.addAll(List.of(SecurityConfigs.HTTP_FIELDS));
        return all.toArray(String[]::new);
    }

    /** Parses one stream entry (also used by {@code PUT /api/streams/{id}}). */
    public static GatewayConfig.StreamConfig parseStream(String id, FieldReader r, List<String> errors) {
        if (!id.matches("[A-Za-z0-9_.-]{1,64}")) {
            errors.add(r.path("") + " stream id '" + id + "' must be 1-64 letters, digits, '_', '.', '-'");
        }
        r.onlyKnown("source", "maxFps", "width", "height", "backend", "options");
        String source = r.requiredString("source");
        Map<String, String> options = new LinkedHashMap<>();
        r.object("options").raw().forEach(e -> options.put(e.getKey(), String.valueOf(e.getValue())));
        double maxFps = r.number("maxFps", 0);
        if (maxFps < 0) {
            r.error("maxFps", "must not be negative");
        }
        return new GatewayConfig.StreamConfig(id, source == null ? "" : source, maxFps, r.integer("width", 0, 0, 8192),
                r.integer("height", 0, 0, 8192), r.string("backend", null), options);
    }
}
