package io.posegate.gateway.pipeline;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.SpeedCheck;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.ingest.SourceFactory;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.SourceState;
import io.posegate.gateway.model.ModelDescriptor;
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
 * serialised on a private lock that readers never take. The work is done by its parts: {@link StreamLifecycle}
 * (adding and removing streams), {@link DefaultRuntimes} (the model's runtimes), {@link BackendSwap} (the live
 * swap) and {@link RuntimeReopener} (replacing a runtime the watchdog poisoned).
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Gateway.class.getName());

    private final GatewayConfig config;
    private final BackendRegistry registry;
    private final InferenceScheduler scheduler;
    private final SpeedCheck speedCheck;
    private final GatewayState state;
    private final StreamLifecycle lifecycle;
    private final BackendSwap swap;
    private final RuntimeReopener reopener;

    public Gateway(GatewayConfig config, ModelDescriptor descriptor, BackendRegistry registry, SourceFactory sources,
                   TrackerFactory trackers, Consumer<PoseFrame> publisher, BiConsumer<String, SourceState> onState) {
        this.config = requireNonNull(config, "config is null");
        requireNonNull(descriptor, "descriptor is null");
        requireNonNull(registry, "registry is null");
        // probes see the options sessions open with (config over descriptor, as RuntimeOpener merges them)
        this.registry = registry.configured(name -> descriptor.optionsFor(name, config.backendOptions().getOrDefault(name, Map.of())));
        requireNonNull(sources, "sources is null");
        requireNonNull(trackers, "trackers is null");
        requireNonNull(onState, "onState is null");
        this.scheduler = new InferenceScheduler(0, config.bounds().runTimeout(), publisher, this::reopenLater);
        scheduler.batching(config.bounds().batch().maxSize(), config.bounds().batch().maxWait());
        RuntimeOpener opener = new RuntimeOpener(config, this.registry, scheduler);
        GatewayEvents events = new GatewayEvents();
        this.state = new GatewayState(descriptor, new StreamModels(config, descriptor),
                new DefaultRuntimes(descriptor, config.backend(), opener, events), events);
        this.speedCheck = new SpeedCheck(descriptor, this.registry, config.backendOptions());
        this.lifecycle = new StreamLifecycle(state, config, sources, trackers, scheduler, opener, onState);
        this.swap = new BackendSwap(state, opener);
        this.reopener = new RuntimeReopener(state, opener);
    }

    /**
     * Starts every configured stream, opening the runtimes they run on. A backend that fails to open marks its streams
     * failed and stays the default (no fallback); it does not stop the gateway ({@code ConfigReloader} retries it).
     */
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
        return state.descriptor;
    }

    public GatewayConfig config() {
        return config;
    }

    /** Which backend runs the model fastest here; measured once, when first asked for ({@code start()}). */
    public SpeedCheck speedCheck() {
        return speedCheck;
    }

    /** The backends, probed with the options this gateway opens them with ({@link BackendRegistry#configured}). */
    public BackendRegistry registry() {
        return registry;
    }

    public String defaultBackend() {
        return state.runtimes.defaultBackend();
    }

    public SwapRecord lastSwap() {
        return swap.last();
    }

    /**
     * Subscribes {@code l} to the gateway's changes. Under the gateway's lock it first hears the current
     * state as events (each stream, open runtime and open error, the last finished swap), then every change.
     * Takes the gateway's lock: call it before {@link #start()} or from a worker thread.
     */
    public void listen(GatewayListener l) {
        requireNonNull(l, "listener is null");
        synchronized (state.lock) {
            state.streams.keySet().forEach(l::streamAdded);
            state.runtimes.replayTo(l);
            SwapRecord last = swap.last();
            if (last != null && !last.inProgress()) {
                l.swapFinished(last);
            }
            state.events.add(l);
        }
    }

    /** Unsubscribes {@code l}; never blocks. */
    public void unlisten(GatewayListener l) {
        state.events.remove(l);
    }

    public List<StreamPipeline> streams() {
        return List.copyOf(state.streams.values());
    }

    public StreamPipeline stream(String id) {
        return state.streams.get(id);
    }

    /** Runtimes in use, keyed by the backend name they were asked for ({@code auto} included). */
    public Map<String, ModelRuntime> runtimes() {
        return state.runtimes.snapshot();
    }

    /** The model each stream runs: its own ({@code model:} in its entry) or the gateway's. */
    public ModelDescriptor descriptorOf(String streamId) {
        return state.models.of(streamId);
    }

    /** The backend stream {@code streamId} names for itself ({@code backend:} in its entry), or null when it follows the default. */
    public String ownBackendOf(String streamId) {
        return state.streamBackends.get(streamId);
    }

    /**
     * The model stream {@code s} would run if added from {@code origin}: its own (loaded once, then kept) or the
     * gateway's. Starts nothing and binds nothing.
     *
     * @throws io.posegate.gateway.config.ConfigException naming the stream's model field and what was wrong
     */
    public ModelDescriptor modelOf(GatewayConfig.StreamConfig s, SourceSpec.Origin origin) {
        return lifecycle.model(s, origin);
    }

    /**
     * Runtimes of streams' own models, keyed by {@code model:fileName@backend}; files of the same name from
     * different folders on one backend are told apart by {@code #2}, {@code #3}, ... after the key.
     */
    public Map<String, ModelRuntime> modelRuntimes() {
        return state.models.runtimes();
    }

    /** Errors of backends that failed to open, by requested name. */
    public Map<String, String> runtimeErrors() {
        return state.runtimes.errors();
    }

    /**
     * True when {@code backend}'s error in {@link #runtimeErrors()} is that its runtime was lost at run time (the
     * watchdog poisoned it and it failed to reopen), not that it failed to open.
     */
    public boolean runtimeLost(String backend) {
        return state.runtimes.lost(backend);
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
        return lifecycle.add(s, origin);
    }

    /**
     * Checks that stream {@code s} would be accepted from {@code origin}, touching nothing: its source is
     * created (which opens nothing) and closed again, and from the API its model must pass the API's rules.
     *
     * @throws IllegalArgumentException naming the source's scheme, option, path or origin rule that was broken
     * @throws io.posegate.gateway.config.ConfigException naming the stream's model field and what was wrong
     */
    public void checkStream(GatewayConfig.StreamConfig s, SourceSpec.Origin origin) {
        lifecycle.check(s, origin);
    }

    public boolean removeStream(String id) {
        return lifecycle.remove(id, null);
    }

    /** Removes stream {@code id} only if it is still {@code expected} (not replaced since); true if it was removed. */
    public boolean removeStream(String id, StreamPipeline expected) {
        return lifecycle.remove(id, requireNonNull(expected, "expected is null"));
    }

    /**
     * Swaps the default backend while streams run: the new one opens and warms up beside the old, then
     * takes over between two frames for every stream without its own backend; runtimes no stream uses
     * any more close once their runs in flight finish. On failure the old backend stays and the error is
     * recorded in {@link #lastSwap()}. Swaps run one at a time: this waits for the swaps asked for before it (in
     * that order), so the one asked for last is the one that stays. Blocks; call it from a worker, never an event loop.
     */
    public SwapRecord swapBackend(String backend) {
        return swap.swap(backend);
    }

    /**
     * As {@link #swapBackend}, but refused at once with {@link SwapInProgressException}, trying nothing, while another
     * swap runs or waits: for a request that answers someone (the API, a fleet command) and must not hold a worker for
     * the length of another swap's open.
     */
    public SwapRecord swapBackendUnlessBusy(String backend) {
        return swap.swapUnlessBusy(backend);
    }

    /**
     * Throws {@link SwapInProgressException} if a swap runs or waits (or a config change holds the turn): a cheap early
     * refusal before a request's own checks. Racy by nature; {@link #swapBackendUnlessBusy} decides.
     */
    public void refuseSwapWhileBusy(String backend) {
        swap.refuseWhileBusy(backend);
    }

    /**
     * Runs {@code work} holding the swap turn: it waits for the swaps asked for before it, and no other swap starts
     * until it returns, so a decision made in it from {@link #defaultBackend}, {@link #runtimes} and {@link #lastSwap}
     * still holds when it acts; {@link #swapBackend} called in it runs at once. For a config change that decides
     * whether to swap. Blocks; call it from a worker, never an event loop.
     */
    public void inSwapTurn(Runnable work) {
        swap.inTurn(() -> {
            work.run();
            return null;
        });
    }

    /** The shared inference workers (for their counters). */
    public InferenceScheduler scheduler() {
        return scheduler;
    }

    /** Called by the watchdog (which must not block) with a runtime it poisoned: reopen it on a thread of its own. */
    private void reopenLater(ModelRuntime poisoned) {
        reopener.reopenLater(poisoned);
    }

    /**
     * Replaces a poisoned runtime with a fresh session of the same backend and binds its streams to it. If
     * the backend cannot be reopened, its streams are marked failed with both reasons.
     */
    void reopen(ModelRuntime poisoned) {
        reopener.reopen(poisoned);
    }

    @Override
    public void close() {
        synchronized (state.lock) {
            for (StreamPipeline s : state.streams.values()) {
                s.close();
            }
            state.streams.clear();
            scheduler.close();
            state.runtimes.closeAll();
            state.models.close();
        }
    }
}
