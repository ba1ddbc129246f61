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
 * A file change is applied on the named worker {@code posegate-reload} (one thread of its own, so a reload that waits
 * for a backend swap in progress does not hold a worker the API needs), never the event loop.
 *
 * <p>Streams from the file are trusted ({@link SourceSpec.Origin#CONFIG_FILE}); when the fleet's overlay sets
 * {@code streams}, its streams start with {@link SourceSpec.Origin#API}, held to the HTTP API's rules (no
 * {@code pipe:} commands, files only inside the media folder, no internal addresses). A stream whose origin
 * changes is restarted even if its entry did not.
 *
 * <p>The backend: a swap made at run time ({@code PUT /api/config}, the dashboard) holds until someone changes
 * that setting again. A later tree swaps the backend only when the backend it names (the file's under the fleet
 * overlay and the command-line flags) differs from the one the tree applied before named, so an unrelated edit
 * (a stream, {@code posegate token add}) leaves a run-time choice alone while an edit of {@code backend} itself
 * wins. A fleet desired config that names {@code backend} is such a deliberate change too ({@link #applyOverlay}).
 * A swap the config asked for that failed (the backend did not open; the old one runs on) stays owed: each later
 * reload of the file retries it once, whatever changed in it, until it succeeds or another swap is made (a run-time
 * choice wins); there is no timed retry. A fleet desired config (and the fleet's return to its last-known-good
 * config) never retries it: one that does not name {@code backend} leaves the backend as it runs and the swap owed,
 * so an unrelated rollout neither pays for nor fails on the file's backend. A backend the file names that is the running
 * default and failed to open (at start, or later when a stream first asked for it; it stays the default with no
 * runtime and the streams on it are marked failed) is owed the same way: each reload of the file retries it once (a
 * swap to it), decided at that reload, until it opens or another backend is the default. A default whose runtime the
 * watchdog lost (it failed to reopen) is not retried by a file reload; a change naming {@code backend} swaps to it.
 * Nothing is retried while a swap is in progress.
 */
public final class ConfigReloader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ConfigReloader.class.getName());

    private final Gateway gateway;
    private final GatewayConfigLoader loader;
    private final Map<String, Object> overrides;
    private final WorkerExecutor reloads;
    /** Written under the reloader's lock; a concurrent map so {@link #manages} may be asked on an event loop. */
    private final Map<String, AppliedStream> applied = new java.util.concurrent.ConcurrentHashMap<>();
    private ConfigRetriever retriever;
    private volatile String lastError;
    private volatile JsonObject fileTree;
    private volatile JsonObject overlay = new JsonObject();
    /** The backend the config last applied names (not a run-time choice); a tree naming another one swaps. */
    private String configBackend;
    /**
     * The backend the last applied tree set as the default, or null when it left the backend alone (a run-time
     * choice, or the file's backend as it already ran, holds): see {@link #intendedBackend()}.
     */
    private volatile String setBackend;
    /**
     * The failed swap to the config's backend, while it is owed: the next reload of the file retries it, unless another
     * swap (a run-time choice) happened since.
     */
    private SwapRecord failedSwap;

    public ConfigReloader(Vertx vertx, Gateway gateway, GatewayConfigLoader loader, Map<String, Object> overrides) {
        this.gateway = gateway;
        this.loader = loader;
        this.overrides = Map.copyOf(overrides);
        this.reloads = vertx.createSharedWorkerExecutor("posegate-reload", 1);
        this.configBackend = gateway.config().backend();
        for (GatewayConfig.StreamConfig s : gateway.config().streams()) {
            applied.put(s.id(), new AppliedStream(s, SourceSpec.Origin.CONFIG_FILE));
        }
        String startError = gateway.runtimeErrors().get(configBackend);
        if (startError != null && failedToOpen(configBackend)) {
            lastError = "backend " + configBackend + " failed to open at start: " + startError;
            LOG.warning("config: " + lastError + "; streams on it stay failed until the next reload of the file retries it"
                    + " (or another backend is chosen)");
        }
    }

    /** Starts watching, checking the file every {@code scanMillis}. */
    public void start(long scanMillis) {
        retriever = loader.retriever(scanMillis);
        retriever.listen(change -> reloads.executeBlocking(() -> {
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
     * Sets the fleet's desired config ({@link #overlay}) and applies the file tree under it, in one step under the
     * reloader's lock, so that a file change read meanwhile is neither lost nor undone. Unlike a file reload, it
     * swaps the default backend only when {@code fields} name {@code backend} or the config's backend changed: an owed
     * swap is not retried (see {@link #defaultBackendAfter}).
     *
     * @return problems (empty when everything applied)
     * @throws io.posegate.gateway.config.ConfigException when the resulting tree is invalid (the overlay is set,
     *         nothing is touched)
     */
    public synchronized List<String> applyOverlay(JsonObject fields) {
        overlay(fields);
        GatewayConfig next = loader.toConfig(withOverlay(fileTree), overrides);
        lastError = null;
        apply(next, fields.containsKey("backend"), false);
        return lastError == null ? List.of() : List.of(lastError);
    }

    /**
     * The default backend applying {@code next} would leave running, by the same rule as applying it: {@code next}'s
     * backend when {@code setsBackend} (a change naming {@code backend}) or when it differs from the backend the config
     * last named, or when {@code fileReload} and the swap to it is owed (it is retried); else whatever runs now (a
     * run-time choice, or the old backend after a failed swap, holds). Checks of a change test streams against this.
     */
    public synchronized String defaultBackendAfter(GatewayConfig next, boolean setsBackend, boolean fileReload) {
        String named = next.backend();
        String running = gateway.defaultBackend();
        if (setsBackend || !named.equals(configBackend) || (fileReload && owedRetry(named, running, defaultFailedToOpen()))) {
            return named;
        }
        return running;
    }

    /**
     * True, unless a swap is in progress, when {@code named} is the config's backend and: the swap to it failed on an
     * earlier tree, is still the last swap, and it does not run since; or it is the running default and failed to open
     * (at start or on first use; not lost at run time), whatever swaps were made since.
     */
    private boolean owedRetry(String named, String running, boolean defaultFailed) {
        if (!named.equals(configBackend) || swapInProgress()) {
            return false;
        }
        if (named.equals(running)) {
            return defaultFailed;
        }
        return failedSwap != null && gateway.lastSwap() == failedSwap;
    }

    /**
     * True when the running default failed to open (at start or on first use) and has no runtime, not because the
     * watchdog lost it; asked before a tree's streams are applied, so a stream of that tree failing to open it is
     * retried by the next reload of the file, not this one.
     */
    private boolean defaultFailedToOpen() {
        String running = gateway.defaultBackend();
        return failedToOpen(running) && !gateway.runtimeLost(running);
    }

    private boolean swapInProgress() {
        SwapRecord last = gateway.lastSwap();
        return last != null && last.inProgress();
    }

    /**
     * True when {@code backend} failed to open the gateway's model (at start, on first use, or its reopen) and has no
     * runtime now; false while a swap is in progress (it may be opening it).
     */
    private boolean failedToOpen(String backend) {
        return gateway.runtimeErrors().containsKey(backend) && !gateway.runtimes().containsKey(backend) && !swapInProgress();
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
     * The default backend this reloader means the gateway to run after the tree it last applied: the backend that
     * tree set (it named one, or its config's {@code backend} changed), else whatever runs now, since an unrelated
     * tree leaves a run-time choice alone. A fleet soak checks this one ({@code BoxHealth}), not the file's.
     */
    public String intendedBackend() {
        String set = setBackend;
        return set != null ? set : gateway.defaultBackend();
    }

    /**
     * True when stream {@code id} was started by this reloader (from the file or a fleet desired config), not the API.
     * Takes no lock, so it may be asked on an event loop (the orphaned-webcam check) while a reload runs.
     */
    public boolean manages(String id) {
        return applied.containsKey(id);
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
        apply(next, false, true);
    }

    /**
     * Changes what differs; the backend only if the config's own changed or {@code setsBackend}, or, when
     * {@code fileReload}, to retry an owed swap (see the class comment).
     */
    private void apply(GatewayConfig next, boolean setsBackend, boolean fileReload) {
        gateway.inSwapTurn(() -> applyInSwapTurn(next, setsBackend, fileReload));
    }

    /**
     * {@link #apply(GatewayConfig, boolean, boolean)} holding the gateway's swap turn: no swap runs while it decides
     * whether to swap (from the backend that runs, its runtime and error, the last swap) and acts on that.
     */
    private void applyInSwapTurn(GatewayConfig next, boolean setsBackend, boolean fileReload) {
        boolean defaultFailed = defaultFailedToOpen();
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
        applyBackend(next.backend(), setsBackend, fileReload, defaultFailed);
    }

    private void applyBackend(String named, boolean setsBackend, boolean fileReload, boolean defaultFailed) {
        String running = gateway.defaultBackend();
        boolean owed = !setsBackend && owedRetry(named, running, defaultFailed);
        if (owed && fileReload) {
            LOG.info("config: retrying the swap to backend " + named + (named.equals(running) ? " that failed to open"
                    : " that failed on an earlier reload of the file"));
            setsBackend = true;
        } else if (owed) {
            LOG.info("config: the swap to backend " + named + " that failed stays owed; "
                    + (named.equals(running) ? "streams on it stay failed" : running + " runs on")
                    + " until the next reload of the file retries it");
        }
        if (!owed || fileReload) {
            failedSwap = null;
        }
        if (!setsBackend && named.equals(configBackend)) {
            if (!named.equals(running)) {
                LOG.fine("config: backend stays " + running + " (chosen at run time); the config's backend " + named + " did not change");
            }
            setBackend = null;
            return;
        }
        configBackend = named;
        setBackend = named;
        if (!named.equals(running) || failedToOpen(named)) {
            SwapRecord r = gateway.swapBackend(named);
            if (r.error() != null) {
                failedSwap = r;
                lastError = "backend swap to " + named + " failed: " + r.error();
                LOG.warning("config: " + lastError + "; " + (named.equals(running) ? "streams on it stay failed" : running + " kept")
                        + ", the swap is retried by the next reload of the file");
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
