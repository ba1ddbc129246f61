package io.posegate.gateway.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.posegate.gateway.http.WsHub;
import io.posegate.gateway.pipeline.Gateway;
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
 * (through {@link BackendEvents}) backend opens, swaps and failures. Meters read a snapshot of the streams
 * that {@link #sample()} refreshes; {@link #sample()} may block briefly on the gateway's lock, so it is
 * called from a worker thread, never an event loop. Scrapes read only the snapshot and atomic getters.
 */
public final class GatewayMeters implements AutoCloseable {
    private final MeterRegistry registry;
    private final Gateway gateway;
    private final StageTimers stages;
    private final BackendEvents backends;
    private final Map<String, List<Meter>> streamMeters = new HashMap<>();
    private final List<Meter> hubMeters = new ArrayList<>();
    private volatile Map<String, StreamPipeline> snapshot = Map.of();

    public GatewayMeters(MeterRegistry registry, Gateway gateway, WsHub hub, StageTimers stages) {
        this.registry = requireNonNull(registry, "registry is null");
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.stages = requireNonNull(stages, "stages is null");
        requireNonNull(hub, "hub is null");
        this.backends = new BackendEvents(registry);
        hubMeters.add(Gauge.builder("posegate.ws.clients", hub, WsHub::clientCount)
                .description("Connected WebSocket clients").register(registry));
        hubMeters.add(FunctionCounter.builder("posegate.ws.messages.dropped", hub, WsHub::dropped)
                .description("Pose messages dropped for slow WebSocket clients, all streams").register(registry));
        hubMeters.add(FunctionCounter.builder("posegate.inference.workers.restarted", gateway.scheduler(),
                InferenceScheduler::workerRestarts).description("Inference workers that died and were restarted").register(registry));
        hubMeters.add(FunctionCounter.builder("posegate.inference.runs.timedout", gateway.scheduler(),
                InferenceScheduler::runTimeouts).description("Inference runs given up by the watchdog (session reopened)")
                .register(registry));
    }

    /** Refreshes the stream snapshot, registers meters of new streams, removes those of deleted ones, and counts backend events. */
    public synchronized void sample() {
        Map<String, StreamPipeline> now = new HashMap<>();
        for (StreamPipeline s : gateway.streams()) {
            now.put(s.id(), s);
        }
        snapshot = Map.copyOf(now);
        for (String id : now.keySet()) {
            streamMeters.computeIfAbsent(id, this::register);
        }
        for (String id : List.copyOf(streamMeters.keySet())) {
            if (!now.containsKey(id)) {
                streamMeters.remove(id).forEach(registry::remove);
                stages.forget(id);
            }
        }
        backends.observe(gateway.runtimes().values(), gateway.runtimeErrors(), gateway.lastSwap());
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
        return Gauge.builder(name, this, g -> g.read(id, f)).description(help).tag("stream", id).register(registry);
    }

    private FunctionCounter counter(String name, String id, String help, ToDoubleFunction<StreamPipeline> f) {
        return FunctionCounter.builder(name, this, g -> g.read(id, f)).description(help).tag("stream", id).register(registry);
    }

    private double read(String id, ToDoubleFunction<StreamPipeline> f) {
        StreamPipeline s = snapshot.get(id);
        return s == null ? Double.NaN : f.applyAsDouble(s);
    }

    /** Unregisters every meter this instance registered (the gateway stopped). */
    @Override
    public synchronized void close() {
        streamMeters.values().forEach(l -> l.forEach(registry::remove));
        streamMeters.keySet().forEach(stages::forget);
        streamMeters.clear();
        hubMeters.forEach(registry::remove);
        backends.close();
        snapshot = Map.of();
    }

    /** Last swap seen, for tests and the sampler. */
    SwapRecord lastSwapSeen() {
        return backends.lastSwapSeen();
    }
}
