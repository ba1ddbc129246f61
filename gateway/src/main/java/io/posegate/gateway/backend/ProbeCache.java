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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The probes of a {@link BackendRegistry} and the registries {@link BackendRegistry#configured configured} from
 * it, kept per backend name and options, and when they are refreshed:
 * <ul>
 *   <li>a backend's first probe for some options runs on the caller's thread (as before any caching);</li>
 *   <li>an <b>unavailable</b> probe older than {@link #RETRY_UNAVAILABLE} is probed again on a background thread
 *       (a runtime installed while the gateway runs becomes available without a restart); the caller gets the
 *       cached probe meanwhile, so a caller on an event loop never waits for a probe it did not ask for first; its
 *       result is kept only if no {@link #refresh} replaced the probe meanwhile, and a re-probe that throws is
 *       logged and tried again after {@link #RETRY_UNAVAILABLE};</li>
 *   <li>{@link #refresh} re-probes every cached probe of a backend on the caller's thread, for after a successful
 *       open: a runtime loaded by the open then reports what it found (OpenVINO's devices).</li>
 * </ul>
 * An available probe is otherwise kept. Thread-safe.
 */
final class ProbeCache {
    private static final Logger LOG = Logger.getLogger(ProbeCache.class.getName());

    /** How old an unavailable probe may get before it is probed again. */
    static final Duration RETRY_UNAVAILABLE = Duration.ofSeconds(30);

    /** A probe is cached for a backend and the options it was probed with. */
    record Key(String name, Map<String, String> options) {
    }

    /** A cached probe; compared by identity, so a background re-probe can tell whether its entry was replaced. */
    private static final class Entry {
        final Probe probe;
        final long probedAtNanos;
        final AtomicBoolean refreshing = new AtomicBoolean();

        Entry(Probe probe, long probedAtNanos) {
            this.probe = probe;
            this.probedAtNanos = probedAtNanos;
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
        if (!e.probe.available() && nanoTime.getAsLong() - e.probedAtNanos >= RETRY_UNAVAILABLE.toNanos()
                && e.refreshing.compareAndSet(false, true)) {
            try {
                background.execute(() -> reprobe(key, e));
            } catch (RejectedExecutionException rejected) {
                e.refreshing.set(false);
            }
        }
        return entries.get(key).probe;
    }

    /**
     * The background re-probe of {@code stale}: its result is stored only if {@code stale} is still the entry (a
     * {@link #refresh} that landed meanwhile probed later and is kept). Nothing it throws leaves it: a probe that
     * throws an {@link Error} the registry does not turn into an unavailable probe is logged, and the stale probe is
     * kept with a fresh time, so it is tried again only after {@link #RETRY_UNAVAILABLE}.
     */
    private void reprobe(Key key, Entry stale) {
        try {
            Entry fresh;
            try {
                fresh = new Entry(prober.apply(key.name(), key.options()), nanoTime.getAsLong());
            } catch (Throwable t) {
                LOG.log(Level.WARNING, "background re-probe of backend '" + key.name() + "' with options " + key.options()
                        + " failed; keeping its unavailable probe for " + RETRY_UNAVAILABLE.toSeconds() + " s", t);
                fresh = new Entry(stale.probe, nanoTime.getAsLong());
            }
            entries.replace(key, stale, fresh);
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "background re-probe of backend '" + key.name() + "' failed", t);
        } finally {
            stale.refreshing.set(false);
        }
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
