package io.posegate.backend.tensorrt.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps engines and execution contexts that cannot be freed for reuse. The tensorrt 10.15-1.5.13 preset offers no
 * Java-callable destructor for objects TensorRT returns, so instead of leaking one engine and one context per
 * session open (each live swap would add one), the engine of a plan is kept once per key and a closed session's
 * context goes back to an idle list for the next session of the same engine. Memory held is then bounded by the
 * number of distinct engines and the most sessions open at once per engine. Thread-safe.
 *
 * @param <E> the engine type
 * @param <C> the execution context type
 */
final class RetainedEngines<E, C> {
    private final Map<String, Entry<E, C>> entries = new HashMap<>();

    private static final class Entry<E, C> {
        final E engine;
        final Deque<C> idle = new ArrayDeque<>();
        int contexts;

        Entry(E engine) {
            this.engine = engine;
        }
    }

    /** An engine and a context lent to one session until {@link #giveBack}. */
    record Lease<E, C>(String key, E engine, C context) {
    }

    /**
     * Lends the engine of {@code key} (loading it once with {@code loadEngine}) and an idle context of it
     * (creating one with {@code createContext} if none is idle). Factories run under the lock; they may throw,
     * and then nothing is retained for the failed step.
     */
    synchronized Lease<E, C> acquire(String key, Supplier<E> loadEngine, Function<E, C> createContext) {
        requireNonNull(key, "key is null");
        Entry<E, C> entry = entries.get(key);
        if (entry == null) {
            entry = new Entry<>(requireNonNull(loadEngine.get(), "loadEngine returned null"));
            entries.put(key, entry);
        }
        C context = entry.idle.poll();
        if (context == null) {
            context = requireNonNull(createContext.apply(entry.engine), "createContext returned null");
            entry.contexts++;
        }
        return new Lease<>(key, entry.engine, context);
    }

    /** Returns a lease's context for reuse. */
    synchronized void giveBack(Lease<E, C> lease) {
        Entry<E, C> entry = entries.get(lease.key());
        if (entry == null || entry.engine != lease.engine()) {
            throw new IllegalArgumentException("lease of unknown engine '" + lease.key() + "'");
        }
        entry.idle.push(lease.context());
    }

    /** How many engines are retained. */
    synchronized int engines() {
        return entries.size();
    }

    /** How many contexts exist (lent or idle) for {@code key}. */
    synchronized int contexts(String key) {
        Entry<E, C> entry = entries.get(key);
        return entry == null ? 0 : entry.contexts;
    }
}
