package io.posegate.gateway.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.GatewayListener;
import io.posegate.gateway.pipeline.InferenceScheduler;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.gateway.pipeline.SwapRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The gateway's gauges and counters: per-stream fps and frame counters, WebSocket clients and drops, and
 * (through {@link BackendEvents}) backend opens, swaps and failures. Event-driven: it listens to the
 * {@link Gateway}, registering a stream's meters when the stream is added and removing them when it is
 * removed, and counting each backend event when it happens. Meters read live, non-blocking counters, so a
 * scrape never waits and shows every event up to that moment. Thread-safe.
 */
public final class GatewayMeters implements GatewayListener, AutoCloseable {
    private final MeterRegistry registry;
    private final Gateway gateway;
    private final StageTimers stages;
    private final BackendEvents backends;
    private final Map<String, List<Meter>> streamMeters = new HashMap<>();
    private final List<Meter> hubMeters = new ArrayList<>();
    private boolean closed;

    /** Registers the gateway-wide meters and starts listening to {@code gateway} (its streams and runtimes so far are replayed). */
    public GatewayMeters(MeterRegistry registry, Gateway gateway, HubCounters hub, StageTimers stages) {
        this.registry = requireNonNull(registry, "registry is null");
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.stages = requireNonNull(stages, "stages is null");
        requireNonNull(hub, "hub is null");
        this.backends = new BackendEvents(registry);
        hubMeters.add(Gauge.builder("posegate.ws.clients", hub, HubCounters::clientCount)
                .description("Connected WebSocket clients").register(registry));
        hubMeters.add(FunctionCounter.builder("posegate.ws.messages.dropped", hub, HubCounters::dropped)
                .description("Pose messages dropped for slow WebSocket clients, all streams").register(registry));
        hubMeters.add(FunctionCounter.builder("posegate.inference.workers.restarted", gateway.scheduler(),
                InferenceScheduler::workerRestarts).description("Inference workers that died and were restarted").register(registry));
        hubMeters.add(FunctionCounter.builder("posegate.inference.runs.timedout", gateway.scheduler(),
                InferenceScheduler::runTimeouts).description("Inference runs given up by the watchdog (session reopened)")
                .register(registry));
        gateway.listen(this);
    }

    @Override
    public synchronized void streamAdded(String id) {
        if (!closed) {
            streamMeters.computeIfAbsent(id, this::register);
            stages.open(id);
        }
    }

    @Override
    public synchronized void streamRemoved(String id) {
        List<Meter> meters = streamMeters.remove(id);
        if (meters != null) {
            meters.forEach(registry::remove);
            stages.forget(id);
        }
    }

    @Override
    public synchronized void runtimeOpened(String backend, ModelRuntime runtime) {
        if (!closed) {
            backends.opened(runtime.backendName());
        }
    }

    @Override
    public synchronized void openFailed(String backend, String error) {
        if (!closed) {
            backends.openFailed(backend);
        }
    }

    @Override
    public synchronized void swapFinished(SwapRecord swap) {
        if (!closed) {
            backends.swapFinished(swap);
        }
    }

    private List<Meter> register(String id) {
        List<Meter> m = new ArrayList<>();
        m.add(gauge("posegate.stream.fps", id, "Processed frames per second", StreamPipeline::fps));
        m.add(gauge("posegate.stream.live", id, "1 when the stream's source is live, else 0",
                s -> "live".equals(s.state().phaseName()) ? 1 : 0));
        m.add(counter("posegate.stream.frames.processed", id, "Frames processed", s -> s.processed()));
        m.add(counter("posegate.stream.frames.dropped", id, "Frames dropped by design (latest-frame slot)", s -> s.slot().dropped()));
        m.add(counter("posegate.stream.frames.lost", id, "Frames the source lost (corrupt or failed reads)", s -> s.supervisor().framesLost()));
        m.add(counter("posegate.stream.frames.failed", id, "Frames that failed in inference or grouping", s -> s.errors()));
        return m;
    }

    private Gauge gauge(String name, String id, String help, ToDoubleFunction<StreamPipeline> f) {
        return Gauge.builder(name, gateway, g -> read(g.stream(id), f)).description(help).tag("stream", id).register(registry);
    }

    private FunctionCounter counter(String name, String id, String help, ToDoubleFunction<StreamPipeline> f) {
        return FunctionCounter.builder(name, gateway, g -> read(g.stream(id), f)).description(help).tag("stream", id).register(registry);
    }

    private static double read(StreamPipeline s, ToDoubleFunction<StreamPipeline> f) {
        return s == null ? Double.NaN : f.applyAsDouble(s);
    }

    /** Stops listening and unregisters every meter this instance registered (the gateway stopped). */
    @Override
    public void close() {
        gateway.unlisten(this);
        synchronized (this) {
            closed = true;
            streamMeters.values().forEach(l -> l.forEach(registry::remove));
            streamMeters.keySet().forEach(stages::forget);
            streamMeters.clear();
            hubMeters.forEach(registry::remove);
            backends.close();
        }
    }
}
