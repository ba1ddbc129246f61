package io.posegate.gateway.control;

import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.gateway.pipeline.SwapRecord;
import io.vertx.config.ConfigRetriever;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Watches the config file (vertx-config's scan) and applies changes while the gateway runs: streams
 * added, changed or removed, and a new default backend swapped in beside the old one. Only what
 * changed is touched. An invalid file is reported and ignored; the running config stays.
 * The work runs on the {@code posegate-control} worker pool, never the event loop.
 *
 * <p>Streams from the file are trusted ({@link SourceSpec.Origin#CONFIG_FILE}); when the fleet's overlay sets
 * {@code streams}, its streams start with {@link SourceSpec.Origin#API}, held to the HTTP API's rules (no
 * {@code pipe:} commands, files only inside the media folder, no internal addresses). A stream whose origin
 * changes is restarted even if its entry did not.
 */
public final class ConfigReloader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ConfigReloader.class.getName());

    private final Gateway gateway;
    private final GatewayConfigLoader loader;
    private final Map<String, Object> overrides;
    private final WorkerExecutor control;
    private final Map<String, AppliedStream> applied = new HashMap<>();
    private ConfigRetriever retriever;
    private volatile String lastError;
    private volatile JsonObject fileTree;
    private volatile JsonObject overlay = new JsonObject();

    public ConfigReloader(Vertx vertx, Gateway gateway, GatewayConfigLoader loader, Map<String, Object> overrides) {
        this.gateway = gateway;
        this.loader = loader;
        this.overrides = Map.copyOf(overrides);
        this.control = vertx.createSharedWorkerExecutor("posegate-control", 2);
        for (GatewayConfig.StreamConfig s : gateway.config().streams()) {
            applied.put(s.id(), new AppliedStream(s, SourceSpec.Origin.CONFIG_FILE));
        }
    }

    /** Starts watching, checking the file every {@code scanMillis}. */
    public void start(long scanMillis) {
        retriever = loader.retriever(scanMillis);
        retriever.listen(change -> control.executeBlocking(() -> {
            fileChanged(change.getNewConfiguration());
            return null;
        }, true));
    }

    /** Applies a new file tree under the overlay as it is now (both read under the reloader's lock). */
    private synchronized void fileChanged(JsonObject tree) {
        fileTree = tree;
        apply(withOverlay(tree));
    }

    /** The loader and command-line overrides this reloader validates with. */
    public GatewayConfig validate(JsonObject raw) {
        return loader.toConfig(raw, overrides);
    }

    /** The config file's raw tree as last read (the fleet agent seeds it at start). */
    public JsonObject fileTree() {
        return fileTree;
    }

    public void fileTree(JsonObject tree) {
        this.fileTree = tree;
    }

    /**
     * Sets the fleet's desired config: top-level fields that replace the file's (see {@link ConfigChange}),
     * kept across file reloads.
     */
    public synchronized void overlay(JsonObject fields) {
        this.overlay = fields.copy();
    }

    /**
     * Sets the fleet's desired config ({@link #overlay}) and applies the file tree under it ({@link #applyChecked}),
     * in one step under the reloader's lock, so that a file change read meanwhile is neither lost nor undone.
     *
     * @return problems (empty when everything applied)
     * @throws io.posegate.gateway.config.ConfigException when the resulting tree is invalid (the overlay is set,
     *         nothing is touched)
     */
    public synchronized List<String> applyOverlay(JsonObject fields) {
        overlay(fields);
        return applyChecked(withOverlay(fileTree));
    }

    /**
     * Where the streams of the tree being applied come from: the overlay's (the fleet: held to the API's
     * rules) when it sets {@code streams}, else the local file's (trusted).
     */
    public SourceSpec.Origin streamsOrigin() {
        return overlay.containsKey("streams") ? SourceSpec.Origin.API : SourceSpec.Origin.CONFIG_FILE;
    }

    /** The file tree with the overlay's top-level fields replacing the file's. */
    public JsonObject withOverlay(JsonObject file) {
        return replacing(file, overlay);
    }

    /** A copy of {@code file} (null: empty) with {@code fields}' top-level fields replacing its own. */
    public static JsonObject replacing(JsonObject file, JsonObject fields) {
        JsonObject merged = file == null ? new JsonObject() : file.copy();
        fields.forEach(e -> merged.put(e.getKey(), e.getValue()));
        return merged;
    }

    /**
     * Validates and applies a raw config tree like a changed file, and says what could not be applied.
     * {@code raw} is the file tree under the overlay in effect ({@link #withOverlay}), which decides the
     * streams' origin ({@link #streamsOrigin()}).
     *
     * @return problems (empty when everything applied)
     * @throws io.posegate.gateway.config.ConfigException when the tree is invalid (nothing is touched)
     */
    public synchronized List<String> applyChecked(JsonObject raw) {
        GatewayConfig next = loader.toConfig(raw, overrides);
        lastError = null;
        apply(next);
        return lastError == null ? List.of() : List.of(lastError);
    }

    /** The last reload error, or null. */
    public String lastError() {
        return lastError;
    }

    /** Applies a raw config tree: validates it, then changes only what differs. */
    public synchronized void apply(JsonObject raw) {
        GatewayConfig next;
        try {
            next = loader.toConfig(raw, overrides);
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            LOG.warning("config change ignored: " + e.getMessage());
            return;
        }
        lastError = null;
        apply(next);
    }

    private void apply(GatewayConfig next) {
        SourceSpec.Origin origin = streamsOrigin();
        Map<String, GatewayConfig.StreamConfig> wanted = new HashMap<>();
        next.streams().forEach(s -> wanted.put(s.id(), s));
        for (StreamPipeline s : List.copyOf(gateway.streams())) {
            if (applied.containsKey(s.id()) && !wanted.containsKey(s.id())) {
                gateway.removeStream(s.id());
                applied.remove(s.id());
                LOG.info("config: removed stream " + s.id());
            }
        }
        for (GatewayConfig.StreamConfig s : next.streams()) {
            AppliedStream wantedStream = new AppliedStream(s, origin);
            if (!wantedStream.equals(applied.get(s.id()))) {
                try {
                    gateway.addStream(s, origin);
                    applied.put(s.id(), wantedStream);
                    LOG.info("config: (re)started stream " + s.id() + " from " + io.posegate.gateway.security.Redaction.uri(s.source())
                            + (origin == SourceSpec.Origin.API ? " (fleet config, held to the API's rules)" : ""));
                } catch (RuntimeException e) {
                    lastError = "stream " + s.id() + ": " + e.getMessage();
                    LOG.warning("config: stream " + s.id() + " not applied: " + e.getMessage());
                }
            }
        }
        if (!next.backend().equals(gateway.defaultBackend())) {
            SwapRecord r = gateway.swapBackend(next.backend());
            if (r.error() != null) {
                lastError = "backend swap to " + next.backend() + " failed: " + r.error();
            }
        }
    }

    /** A stream entry as last applied, with the origin it was started with. */
    private record AppliedStream(GatewayConfig.StreamConfig config, SourceSpec.Origin origin) {
    }

    @Override
    public void close() {
        if (retriever != null) {
            retriever.close();
        }
    }
}
