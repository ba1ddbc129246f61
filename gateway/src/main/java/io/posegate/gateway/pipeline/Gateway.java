package io.posegate.gateway.pipeline;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.SourceFactory;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.SourceState;
import io.posegate.gateway.ingest.SourceSupervisor;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The running gateway without its HTTP face: the model, one runtime per backend in use, the streams and
 * the shared inference workers. Every method may block (opening models, starting sources) and is
 * called from worker threads, never an event loop. Reads ({@link #streams()}, {@link #runtimes()}, ...)
 * never block, so event-loop handlers may call them; changes to the set of streams or runtimes are
 * serialised on a private lock that readers never take.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Gateway.class.getName());

    private final GatewayConfig config;
    private final ModelDescriptor descriptor;
    private final BackendRegistry registry;
    private final SourceFactory sources;
    private final BiConsumer<String, SourceState> onState;
    private final InferenceScheduler scheduler;
    private final Object mutation = new Object();
    private final Map<String, ModelRuntime> runtimes = new ConcurrentHashMap<>();
    private final Map<String, String> runtimeErrors = new ConcurrentHashMap<>();
    private final Map<String, StreamPipeline> streams = new ConcurrentSkipListMap<>();
    private final Map<String, String> streamBackends = new ConcurrentHashMap<>();
    private final StreamModels models;
    private final TrackerFactory trackers;
    private final io.posegate.gateway.backend.SpeedCheck speedCheck;
    private volatile String defaultBackend;
    private volatile SwapRecord lastSwap;
    private final GatewayEvents events = new GatewayEvents();

    public Gateway(GatewayConfig config, ModelDescriptor descriptor, BackendRegistry registry, SourceFactory sources,
                   TrackerFactory trackers, Consumer<PoseFrame> publisher, BiConsumer<String, SourceState> onState) {
        this.config = requireNonNull(config, "config is null");
        this.descriptor = requireNonNull(descriptor, "descriptor is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.sources = requireNonNull(sources, "sources is null");
        this.trackers = requireNonNull(trackers, "trackers is null");
        this.onState = requireNonNull(onState, "onState is null");
        this.scheduler = new InferenceScheduler(0, config.bounds().runTimeout(), publisher, this::reopenLater);
        scheduler.batching(config.bounds().batch().maxSize(), config.bounds().batch().maxWait());
        this.defaultBackend = config.backend();
        this.speedCheck = new io.posegate.gateway.backend.SpeedCheck(descriptor, registry, config.backendOptions());
        this.models = new StreamModels(config, descriptor);
    }

    /** Opens the default runtime and starts every configured stream. A failure marks streams failed, it does not stop the gateway. */
    public void start() {
        scheduler.start();
        for (GatewayConfig.StreamConfig s : config.streams()) {
            try {
                addStream(s, SourceSpec.Origin.CONFIG_FILE);
            } catch (RuntimeException e) {
                LOG.warning("stream " + s.id() + " not started: " + e.getMessage());
            }
        }
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    public GatewayConfig config() {
        return config;
    }

    /** Which backend runs the model fastest here; measured once, when first asked for ({@code start()}). */
    public io.posegate.gateway.backend.SpeedCheck speedCheck() {
        return speedCheck;
    }

    public BackendRegistry registry() {
        return registry;
    }

    public String defaultBackend() {
        return defaultBackend;
    }

    public SwapRecord lastSwap() {
        return lastSwap;
    }

    /**
     * Subscribes {@code l} to the gateway's changes. Under the gateway's lock it first hears the current
     * state as events (each stream, open runtime and open error, the last finished swap), then every change.
     * Takes the gateway's lock: call it before {@link #start()} or from a worker thread.
     */
    public void listen(GatewayListener l) {
        requireNonNull(l, "listener is null");
        synchronized (mutation) {
            streams.keySet().forEach(l::streamAdded);
            runtimes.forEach(l::runtimeOpened);
            runtimeErrors.forEach(l::openFailed);
            SwapRecord swap = lastSwap;
            if (swap != null && !swap.inProgress()) {
                l.swapFinished(swap);
            }
            events.add(l);
        }
    }

    /** Unsubscribes {@code l}; never blocks. */
    public void unlisten(GatewayListener l) {
        events.remove(l);
    }

    public List<StreamPipeline> streams() {
        return List.copyOf(streams.values());
    }

    public StreamPipeline stream(String id) {
        return streams.get(id);
    }

    /** Runtimes in use, keyed by the backend name they were asked for ({@code auto} included). */
    public Map<String, ModelRuntime> runtimes() {
        return Map.copyOf(runtimes);
    }

    /** The model each stream runs: its own ({@code model:} in its entry) or the gateway's. */
    public ModelDescriptor descriptorOf(String streamId) {
        return models.of(streamId);
    }

    /** Runtimes of streams' own models, keyed by {@code model@backend}. */
    public Map<String, ModelRuntime> modelRuntimes() {
        return models.runtimes();
    }

    /** Errors of backends that failed to open, by requested name. */
    public Map<String, String> runtimeErrors() {
        return Map.copyOf(runtimeErrors);
    }

    /**
     * Adds a stream, or replaces the one with the same id (readers see the old one until the new one
     * is in place). Its source starts on its own thread. If its backend cannot be opened
     * the stream is kept, marked failed with the reason.
     *
     * @throws IllegalArgumentException if the source URI is unusable (unknown scheme, refused for the origin)
     * @throws StreamLimitException if the stream is new and {@code inference.maxStreams} streams exist already
     */
    public StreamPipeline addStream(GatewayConfig.StreamConfig s, SourceSpec.Origin origin) {
        SourceSpec spec = new SourceSpec(s.source(), origin, s.maxFps(), s.width(), s.height(), s.options());
        synchronized (mutation) {
            int max = config.bounds().maxStreams();
            if (!streams.containsKey(s.id()) && streams.size() >= max) {
                throw new StreamLimitException("stream '" + s.id() + "' not added: " + streams.size()
                        + " streams exist, the limit inference.maxStreams is " + max + "; remove one first");
            }
            ModelDescriptor d = models.resolve(s, origin);
            FrameSource source = sources.create(spec);
            String backend = s.backend() == null ? defaultBackend : s.backend();
            ModelRuntime rt = d == descriptor ? runtimeFor(backend) : models.runtimeFor(d, backend, this::open);
            StreamPipeline p = new StreamPipeline(s.id(), spec, source, SourceSupervisor.Backoff.defaults(), rt,
                    trackers.create(d), scheduler::wake, state -> onState.accept(s.id(), state));
            if (rt == null) {
                p.fail("backend '" + backend + "' failed: " + (d == descriptor ? runtimeErrors.get(backend)
                        : models.error(d, backend)));
            }
            models.assign(s.id(), d);
            StreamPipeline replaced = streams.put(s.id(), p);
            if (replaced != null) {
                scheduler.remove(replaced);
                replaced.close();
                models.retireUnused(streams.values()).forEach(ModelRuntime::close);
            }
            if (s.backend() != null) {
                streamBackends.put(s.id(), s.backend());
            } else {
                streamBackends.remove(s.id());
            }
            scheduler.add(p);
            p.start();
            events.streamAdded(s.id());
            return p;
        }
    }

    public boolean removeStream(String id) {
        synchronized (mutation) {
            StreamPipeline old = streams.remove(id);
            streamBackends.remove(id);
            models.assign(id, null);
            if (old == null) {
                return false;
            }
            scheduler.remove(old);
            old.close();
            models.retireUnused(streams.values()).forEach(ModelRuntime::close);
            events.streamRemoved(id);
            return true;
        }
    }

    private ModelRuntime runtimeFor(String backend) {
        ModelRuntime rt = runtimes.get(backend);
        if (rt != null || runtimeErrors.containsKey(backend)) {
            return rt;
        }
        try {
            rt = open(backend);
            runtimes.put(backend, rt);
            events.runtimeOpened(backend, rt);
            LOG.info("backend " + rt.label() + " opened " + descriptor.name() + " in " + rt.openMillis() + " ms"
                    + (descriptor.demo() ? " (DEMO: simulated network, no real inference)" : ""));
            return rt;
        } catch (RuntimeException e) {
            runtimeErrors.put(backend, e.getMessage());
            events.openFailed(backend, e.getMessage());
            LOG.warning("backend '" + backend + "' failed to open " + descriptor.modelFile() + ": " + e.getMessage());
            return null;
        }
    }

    private ModelRuntime open(String backend) {
        return open(descriptor, backend);
    }

    private ModelRuntime open(ModelDescriptor d, String backend) {
        BackendProvider p = registry.select(backend, d.format());
        Map<String, String> opts = d.optionsFor(p.name(), config.backendOptions().getOrDefault(p.name(), Map.of()));
        ModelRuntime rt = ModelRuntime.open(d, p, BackendOptions.of(opts), config.bounds().batch().maxSize());
        scheduler.ensureWorkers(workersFor(rt.maxConcurrentRuns(), config.workers()));
        return rt;
    }

    /**
     * Inference workers for a runtime that allows {@code runs} runs at once: one per run plus one, so a
     * frame is pre-processed or grouped while others are in the network; {@code inference.workers}, when
     * set (above 0), caps it.
     */
    static int workersFor(int runs, int configured) {
        int auto = Math.max(1, runs) + 1;
        return configured > 0 ? Math.min(configured, auto) : auto;
    }

    /**
     * Swaps the default backend while streams run: the new one opens and warms up beside the old, then
     * takes over between two frames for every stream without its own backend; runtimes no stream uses
     * any more close once their runs in flight finish. On failure the old backend stays and the error is
     * recorded in {@link #lastSwap()}.
     */
    public SwapRecord swapBackend(String backend) {
        String from = defaultBackend;
        Instant at = Instant.now();
        lastSwap = new SwapRecord(from, backend, at, 0, null, true);
        long t0 = System.nanoTime();
        ModelRuntime next;
        try {
            next = open(backend);
        } catch (RuntimeException e) {
            SwapRecord failed = finishSwap(new SwapRecord(from, backend, at, (System.nanoTime() - t0) / 1_000_000, e.getMessage(), false));
            LOG.warning("swap " + from + " -> " + backend + " failed, keeping " + from + ": " + e.getMessage());
            return failed;
        }
        List<ModelRuntime> retired = new ArrayList<>();
        synchronized (mutation) {
            ModelRuntime previous = runtimes.put(backend, next);
            events.runtimeOpened(backend, next);
            if (previous != null) {
                retired.add(previous);
            }
            runtimeErrors.remove(backend);
            for (StreamPipeline s : streams.values()) {
                String own = streamBackends.get(s.id());
                ModelDescriptor d = models.of(s.id());
                if (d != descriptor && own == null) {
                    ModelRuntime ownModel = models.runtimeFor(d, backend, this::open);
                    if (ownModel != null) {
                        s.bind(ownModel);
                    }
                } else if (own == null || own.equals(backend)) {
                    s.bind(next);
                }
            }
            defaultBackend = backend;
            for (Map.Entry<String, ModelRuntime> e : List.copyOf(runtimes.entrySet())) {
                ModelRuntime rt = e.getValue();
                if (rt != next && streams.values().stream().noneMatch(s -> s.runtime() == rt)) {
                    runtimes.remove(e.getKey());
                    retired.add(rt);
                }
            }
            retired.addAll(models.retireUnused(streams.values()));
        }
        retired.forEach(ModelRuntime::close);
        SwapRecord done = finishSwap(new SwapRecord(from, backend, at, (System.nanoTime() - t0) / 1_000_000, null, false));
        LOG.info("swapped backend " + from + " -> " + next.label() + " in " + done.millis() + " ms");
        return done;
    }

    private SwapRecord finishSwap(SwapRecord done) {
        synchronized (mutation) {
            lastSwap = done;
            events.swapFinished(done);
        }
        return done;
    }

    /** The shared inference workers (for their counters). */
    public InferenceScheduler scheduler() {
        return scheduler;
    }

    /** Called by the watchdog (which must not block) with a runtime it poisoned: reopen it on a thread of its own. */
    private void reopenLater(ModelRuntime poisoned) {
        Thread t = new Thread(() -> reopen(poisoned), "posegate-reopen-" + poisoned.backendName());
        t.setDaemon(true);
        t.start();
    }

    /**
     * Replaces a poisoned runtime with a fresh session of the same backend and binds its streams to it. If
     * the backend cannot be reopened, its streams are marked failed with both reasons.
     */
    void reopen(ModelRuntime poisoned) {
        String name = null;
        boolean own;
        synchronized (mutation) {
            for (Map.Entry<String, ModelRuntime> e : runtimes.entrySet()) {
                if (e.getValue() == poisoned) {
                    name = e.getKey();
                }
            }
            own = name == null;
            if (own) {
                name = models.backendOf(poisoned);
            }
        }
        if (name == null) {
            return;
        }
        ModelRuntime next = null;
        String error = null;
        try {
            next = open(poisoned.descriptor(), name);
        } catch (RuntimeException e) {
            error = poisoned.poisoned() + "; reopening failed: " + e.getMessage();
        }
        synchronized (mutation) {
            if (!(own ? models.replace(poisoned, next) : replaceDefault(name, poisoned, next, error))) {
                if (next != null) {
                    next.close();
                }
                return;
            }
            for (StreamPipeline s : streams.values()) {
                if (s.runtime() == poisoned) {
                    s.bind(next);
                    if (next == null) {
                        s.fail("backend '" + name + "': " + error);
                    }
                }
            }
        }
        LOG.warning(next != null ? "backend " + next.label() + " reopened after: " + poisoned.poisoned()
                : "backend '" + name + "' lost: " + error);
    }

    /** Under the lock: puts {@code next} in place of the default model's {@code old} runtime; false if it was replaced already. */
    private boolean replaceDefault(String name, ModelRuntime old, ModelRuntime next, String error) {
        if (runtimes.get(name) != old) {
            return false;
        }
        if (next == null) {
            runtimes.remove(name);
            runtimeErrors.put(name, error);
            events.openFailed(name, error);
        } else {
            runtimes.put(name, next);
            events.runtimeOpened(name, next);
        }
        return true;
    }

    @Override
    public void close() {
        synchronized (mutation) {
            for (StreamPipeline s : streams.values()) {
                s.close();
            }
            streams.clear();
            scheduler.close();
            runtimes.values().forEach(ModelRuntime::close);
            runtimes.clear();
            models.close();
        }
    }
}
