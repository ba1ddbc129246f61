package io.posegate.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.pipeline.SwapRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns what the gateway exposes (its open runtimes, its open errors, its last swap) into event counters:
 * {@code posegate_backend_opens_total{backend}}, {@code posegate_backend_open_failures_total{backend}},
 * {@code posegate_backend_swaps_total{result}} and the last swap's duration. Fed by periodic samples, so
 * two swaps between samples count as one. Confined to the caller's lock ({@link GatewayMeters#sample()}).
 */
final class BackendEvents implements AutoCloseable {
    private final MeterRegistry registry;
    private final Set<ModelRuntime> seenRuntimes = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, String> seenErrors = new java.util.HashMap<>();
    private final List<Meter> meters = new ArrayList<>();
    private final AtomicLong lastSwapMillis = new AtomicLong(-1);
    private SwapRecord lastSwap;

    BackendEvents(MeterRegistry registry) {
        this.registry = registry;
        meters.add(Gauge.builder("posegate.backend.last.swap.ms", lastSwapMillis, AtomicLong::get)
                .description("Duration of the last finished backend swap in milliseconds (-1: none yet)").register(registry));
    }

    void observe(Collection<ModelRuntime> runtimes, Map<String, String> errors, SwapRecord swap) {
        for (ModelRuntime rt : runtimes) {
            if (seenRuntimes.add(rt)) {
                count("posegate.backend.opens", "Model runtimes opened", "backend", rt.backendName());
            }
        }
        Set<ModelRuntime> open = Collections.newSetFromMap(new IdentityHashMap<>());
        open.addAll(runtimes);
        seenRuntimes.retainAll(open);
        for (Map.Entry<String, String> e : errors.entrySet()) {
            if (!e.getValue().equals(seenErrors.put(e.getKey(), e.getValue()))) {
                count("posegate.backend.open.failures", "Backends that failed to open", "backend", e.getKey());
            }
        }
        seenErrors.keySet().retainAll(errors.keySet());
        if (swap != null && swap != lastSwap && !swap.inProgress()) {
            lastSwap = swap;
            lastSwapMillis.set(swap.millis());
            count("posegate.backend.swaps", "Backend swaps finished, by result", "result", swap.error() == null ? "ok" : "failed");
            if (swap.error() != null) {
                count("posegate.backend.open.failures", "Backends that failed to open", "backend", swap.to());
            }
        }
    }

    SwapRecord lastSwapSeen() {
        return lastSwap;
    }

    private void count(String name, String help, String tag, String value) {
        Counter c = Counter.builder(name).description(help).tag(tag, value).register(registry);
        c.increment();
        if (!meters.contains(c)) {
            meters.add(c);
        }
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
