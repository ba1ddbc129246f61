package io.posegate.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.posegate.gateway.pipeline.SwapRecord;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts backend events as the gateway reports them ({@link GatewayMeters} forwards them):
 * {@code posegate_backend_opens_total{backend}}, {@code posegate_backend_open_failures_total{backend}},
 * {@code posegate_backend_swaps_total{result}} and the last swap's duration. Each event is counted once,
 * however close together events come. Thread-safe.
 */
final class BackendEvents implements AutoCloseable {
    private final MeterRegistry registry;
    private final CopyOnWriteArrayList<Meter> meters = new CopyOnWriteArrayList<>();
    private final AtomicLong lastSwapMillis = new AtomicLong(-1);

    BackendEvents(MeterRegistry registry) {
        this.registry = registry;
        meters.add(Gauge.builder("posegate.backend.last.swap.ms", lastSwapMillis, AtomicLong::get)
                .description("Duration of the last finished backend swap in milliseconds (-1: none yet)").register(registry));
    }

    /** A runtime opened; {@code backend} is the backend that runs it (not the requested name, e.g. {@code auto}). */
    void opened(String backend) {
        count("posegate.backend.opens", "Model runtimes opened", "backend", backend);
    }

    /** The requested {@code backend} failed to open the model. */
    void openFailed(String backend) {
        count("posegate.backend.open.failures", "Backends that failed to open", "backend", backend);
    }

    /** A swap finished; a failed one is also an open failure of the backend it swapped to. */
    void swapFinished(SwapRecord swap) {
        lastSwapMillis.set(swap.millis());
        count("posegate.backend.swaps", "Backend swaps finished, by result", "result", swap.error() == null ? "ok" : "failed");
        if (swap.error() != null) {
            openFailed(swap.to());
        }
    }

    private void count(String name, String help, String tag, String value) {
        Counter c = Counter.builder(name).description(help).tag(tag, value).register(registry);
        c.increment();
        meters.addIfAbsent(c);
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
