package io.posegate.gateway.backend;

import static java.util.Objects.requireNonNull;

import io.posegate.spi.Probe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * The probes of a {@link BackendRegistry} and the registries {@link BackendRegistry#configured configured} from
 * it, kept per backend name and options, and when they are refreshed:
 * <ul>
 *   <li>a backend's first probe for some options runs on the caller's thread (as before any caching);</li>
 *   <li>an <b>unavailable</b> probe older than {@link #RETRY_UNAVAILABLE} is probed again on a background thread
 *       (a runtime installed while the gateway runs becomes available without a restart); the caller gets the
 *       cached probe meanwhile, so a caller on an event loop never waits for a probe it did not ask for first;</li>
 *   <li>{@link #refresh} re-probes every cached probe of a backend on the caller's thread, for after a successful
 *       open: a runtime loaded by the open then reports what it found (OpenVINO's devices).</li>
 * </ul>
 * An available probe is otherwise kept. Thread-safe.
 */
final class ProbeCache {
    /** How old an unavailable probe may get before it is probed again. */
    static final Duration RETRY_UNAVAILABLE = Duration.ofSeconds(30);

    /** A probe is cached for a backend and the options it was probed with. */
    record Key(String name, Map<String, String> options) {
    }

    private record Entry(Probe probe, long probedAtNanos, AtomicBoolean refreshing) {
        Entry(Probe probe, long probedAtNanos) {
            this(probe, probedAtNanos, new AtomicBoolean());
        }
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final BiFunction<String, Map<String, String>, Probe> prober;
    private final LongSupplier nanoTime;
    private final Executor background;

    /**
     * @param prober     probes backend {@code name} with {@code options}; never throws
     * @param nanoTime   the clock ({@link System#nanoTime} but in tests)
     * @param background where stale unavailable probes are probed again
     */
    ProbeCache(BiFunction<String, Map<String, String>, Probe> prober, LongSupplier nanoTime, Executor background) {
        this.prober = requireNonNull(prober, "prober is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.background = requireNonNull(background, "background is null");
    }

    /** One daemon thread that exists only while there is something to re-probe. */
    static Executor daemonThread() {
        return new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "posegate-probe-refresh");
            t.setDaemon(true);
            return t;
        });
    }

    /** The cached probe of {@code key}, probing it now if it has none; schedules a re-probe of a stale unavailable one. */
    Probe get(Key key) {
        Entry e = entries.computeIfAbsent(key, k -> new Entry(prober.apply(k.name(), k.options()), nanoTime.getAsLong()));
        if (!e.probe().available() && nanoTime.getAsLong() - e.probedAtNanos() >= RETRY_UNAVAILABLE.toNanos()
                && e.refreshing().compareAndSet(false, true)) {
            try {
                background.execute(() -> {
                    try {
                        entries.put(key, new Entry(prober.apply(key.name(), key.options()), nanoTime.getAsLong()));
                    } finally {
                        e.refreshing().set(false);
                    }
                });
            } catch (RejectedExecutionException rejected) {
                e.refreshing().set(false);
            }
        }
        return entries.get(key).probe();
    }

    /** Probes {@code key} now and every other cached probe of the same backend, replacing them. Blocking. */
    void refresh(Key key) {
        entries.put(key, new Entry(prober.apply(key.name(), key.options()), nanoTime.getAsLong()));
        for (Key other : entries.keySet()) {
            if (other.name().equals(key.name()) && !other.equals(key)) {
                entries.put(other, new Entry(prober.apply(other.name(), other.options()), nanoTime.getAsLong()));
            }
        }
    }
}
