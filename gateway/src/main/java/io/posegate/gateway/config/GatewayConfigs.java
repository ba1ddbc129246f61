package io.posegate.gateway.config;

import io.posegate.gateway.ingest.PictureLimit;
import io.posegate.gateway.ingest.net.NetworkPolicy;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
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
    /** The finite range of {@code maxFps} (0 means no cap). */
    public static final double MIN_FPS = 0.01;
    public static final double MAX_FPS = 1000;

    private GatewayConfigs() {
    }

    /** @throws ConfigException listing every problem */
    public static GatewayConfig parse(JsonObject json, Path baseDir) {
        List<String> errors = new ArrayList<>();
        FieldReader root = FieldReader.root(json, errors);
        root.onlyKnown("http", "model", "modelFile", "modelsDir", "backend", "backends", "inference", "tracking", "media", "streams",
                "sources", "fleet", "auth", "insecure");
        FieldReader http = root.object("http");
        http.onlyKnown(withSecurity("host", "port", "wsQueue"));
        GatewayConfig.Http h = new GatewayConfig.Http(http.string("host", "127.0.0.1"), http.integer("port", 8080, 0, 65535),
                http.integer("wsQueue", 8, 1, 1024));
        String model = root.string("model", "demo-simulated");
        Path modelFile = root.filePath("modelFile", null, null);
        Path modelsDir = root.filePath("modelsDir", baseDir, "models");
        String backend = root.string("backend", "auto");
        Map<String, Map<String, String>> backendOptions = BackendNames.options(root.object("backends"));
        FieldReader inference = root.object("inference");
        inference.onlyKnown("workers", "maxStreams", "runTimeoutMs", "stallTimeoutMs", "batch");
        int workers = inference.integer("workers", 0, 0, 64);
        GatewayConfig.Bounds bounds = bounds(inference);
        FieldReader tr = root.object("tracking");
        tr.onlyKnown("enabled", "oksThreshold", "maxAge", "smoothing", "maxLostSeconds", "appearance");
        GatewayConfig.Tracking tracking = new GatewayConfig.Tracking(tr.bool("enabled", true),
                (float) tr.number("oksThreshold", 0.25), tr.integer("maxAge", 60, 0, 10_000), tr.bool("smoothing", false),
                Math.max(0, tr.number("maxLostSeconds", 4.0)), tr.bool("appearance", true));
        if (!(tracking.oksThreshold() > 0f && tracking.oksThreshold() <= 1f)) {
            tr.error("oksThreshold", "must be in (0, 1], got " + tracking.oksThreshold());
        }
        FieldReader media = root.object("media");
        media.onlyKnown("dir");
        Path mediaDir = media.filePath("dir", baseDir, "../media");
        GatewayConfig.SourceRules sourceRules = sourceRules(root.object("sources"));
        List<GatewayConfig.StreamConfig> streams = new ArrayList<>();
        FieldReader s = root.object("streams");
        for (String id : s.raw().fieldNames()) {
            streams.add(parseStream(id, s.object(id), errors));
        }
        SecurityConfig security = SecurityConfigs.parse(root, http, baseDir);
        FleetConfig fleet = FleetConfigs.parse(root.object("fleet"), baseDir);
        if (streams.size() > bounds.maxStreams()) {
            errors.add("streams: " + streams.size() + " streams configured, more than inference.maxStreams ("
                    + bounds.maxStreams() + ")");
        }
        if (!errors.isEmpty()) {
            throw new ConfigException("config", errors);
        }
        return new GatewayConfig(h, model, modelFile, modelsDir, backend, backendOptions,
                workers, tracking, mediaDir, streams, bounds, sourceRules, fleet, security);
    }

    private static String[] withSecurity(String... httpFields) {
        List<String> all = new ArrayList<>(List.of(httpFields));
        all.addAll(List.of(SecurityConfigs.HTTP_FIELDS));
        return all.toArray(String[]::new);
    }

    private static GatewayConfig.Bounds bounds(FieldReader inference) {
        GatewayConfig.Bounds d = GatewayConfig.Bounds.defaults();
        return new GatewayConfig.Bounds(inference.integer("maxStreams", d.maxStreams(), 1, 4096),
                Duration.ofMillis(inference.integer("runTimeoutMs", (int) d.runTimeout().toMillis(), 100, 3_600_000)),
                Duration.ofMillis(inference.integer("stallTimeoutMs", (int) d.stallTimeout().toMillis(), 100, 3_600_000)),
                batch(inference.object("batch")));
    }

    /** {@code inference.batch: {maxSize: 1..64, maxWaitMs: 0..1000}}. */
    private static GatewayConfig.Batch batch(FieldReader batch) {
        batch.onlyKnown("maxSize", "maxWaitMs");
        GatewayConfig.Batch d = GatewayConfig.Batch.OFF;
        return new GatewayConfig.Batch(batch.integer("maxSize", d.maxSize(), 1, 64),
                Duration.ofMillis(batch.integer("maxWaitMs", (int) d.maxWait().toMillis(), 0, 1000)));
    }

    /**
     * {@code sources: {allow: [CIDR | address | host, ...], maxPictureSide: 1..65535, maxPicturePixels: 1..700000000,
     * webcamOrphanMs: 0 | 100..86400000}}; each entry is checked here.
     */
    private static GatewayConfig.SourceRules sourceRules(FieldReader r) {
        r.onlyKnown("allow", "maxPictureSide", "maxPicturePixels", "webcamOrphanMs");
        List<String> allow = new ArrayList<>();
        Object raw = r.raw().getValue("allow");
        if (raw instanceof io.vertx.core.json.JsonArray a) {
            a.forEach(v -> allow.add(String.valueOf(v)));
        } else if (raw != null) {
            r.error("allow", "must be a list of CIDR ranges, addresses or host names");
        }
        try {
            NetworkPolicy.allowing(allow);
        } catch (IllegalArgumentException e) {
            r.error("allow", e.getMessage());
        }
        return new GatewayConfig.SourceRules(allow, pictureLimit(r), webcamOrphan(r));
    }

    /** {@code sources.webcamOrphanMs}: 0 (never) or 100 ms .. 1 day; absent or bad keeps the default. */
    private static Duration webcamOrphan(FieldReader r) {
        long d = GatewayConfig.SourceRules.DEFAULT_WEBCAM_ORPHAN.toMillis();
        int ms = r.integer("webcamOrphanMs", (int) d, 0, 86_400_000);
        if (ms > 0 && ms < 100) {
            r.error("webcamOrphanMs", "must be 0 (never remove) or between 100 and 86400000, got " + ms);
            return Duration.ofMillis(d);
        }
        return Duration.ofMillis(ms);
    }

    /** {@code sources.maxPictureSide} and {@code sources.maxPicturePixels}; each absent or bad one keeps its default. */
    private static PictureLimit pictureLimit(FieldReader r) {
        PictureLimit d = PictureLimit.DEFAULT;
        return new PictureLimit(r.integer("maxPictureSide", d.maxSide(), 1, PictureLimit.MAX_SIDE),
                r.integer("maxPicturePixels", (int) d.maxPixels(), 1, (int) PictureLimit.MAX_PIXELS));
    }

    /** Parses one stream entry (also used by {@code PUT /api/streams/{id}}). */
    public static GatewayConfig.StreamConfig parseStream(String id, FieldReader r, List<String> errors) {
        if (!id.matches("[A-Za-z0-9_.-]{1,64}")) {
            errors.add(r.path("") + " stream id '" + id + "' must be 1-64 letters, digits, '_', '.', '-'");
        }
        r.onlyKnown("source", "maxFps", "width", "height", "backend", "options", "model", "modelFile");
        String source = r.requiredString("source");
        Map<String, String> options = new LinkedHashMap<>();
        r.object("options").raw().forEach(e -> options.put(e.getKey(), String.valueOf(e.getValue())));
        double maxFps = r.number("maxFps", 0);
        if (!(maxFps == 0 || maxFps >= MIN_FPS && maxFps <= MAX_FPS)) {
            r.error("maxFps", "must be 0 (no cap) or between " + MIN_FPS + " and " + MAX_FPS + ", got " + maxFps);
            maxFps = 0;
        }
        Path modelFile = r.filePath("modelFile", null, null);
        return new GatewayConfig.StreamConfig(id, source == null ? "" : source, maxFps, r.integer("width", 0, 0, 8192),
                r.integer("height", 0, 0, 8192), r.string("backend", null), options, r.string("model", null), modelFile);
    }
}
