package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.model.ModelDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The gateway model's runtimes, one per backend name asked for ({@code auto} included), the errors of the
 * backends that failed to open it, and which backend is the default. Reads never block; every change is
 * made by a caller that holds the gateway's lock, and is told to the gateway's listeners as it happens.
 */
final class DefaultRuntimes {
    private static final Logger LOG = Logger.getLogger(DefaultRuntimes.class.getName());

    private final ModelDescriptor descriptor;
    private final RuntimeOpener opener;
    private final GatewayEvents events;
    private final Map<String, ModelRuntime> runtimes = new ConcurrentHashMap<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    /** Backends whose runtime the watchdog poisoned and that failed to reopen (their error is in {@link #errors}). */
    private final java.util.Set<String> lost = ConcurrentHashMap.newKeySet();
    private volatile String defaultBackend;

    DefaultRuntimes(ModelDescriptor descriptor, String defaultBackend, RuntimeOpener opener, GatewayEvents events) {
        this.descriptor = descriptor;
        this.defaultBackend = defaultBackend;
        this.opener = opener;
        this.events = events;
    }

    String defaultBackend() {
        return defaultBackend;
    }

    void makeDefault(String backend) {
        defaultBackend = backend;
    }

    Map<String, ModelRuntime> snapshot() {
        return Map.copyOf(runtimes);
    }

    Map<String, String> errors() {
        return Map.copyOf(errors);
    }

    String error(String backend) {
        return errors.get(backend);
    }

    /** True when {@code backend}'s error is that its runtime was lost at run time (poisoned, then failed to reopen). */
    boolean lost(String backend) {
        return lost.contains(backend);
    }

    /**
     * Records that opening {@code backend} failed again with {@code error} (a swap to it while it has no runtime):
     * its open error becomes the new one (a backend lost at run time stays marked lost). Not told to the listeners as
     * an open failure: the failed swap is (a failed swap counts as one).
     */
    void openFailedAgain(String backend, String error) {
        errors.put(backend, error);
    }

    /** Tells {@code l} of every open runtime, then of every open error. */
    void replayTo(GatewayListener l) {
        runtimes.forEach(l::runtimeOpened);
        errors.forEach(l::openFailed);
    }

    /** Opens the gateway's model on {@code backend} without keeping it (blocks; throws what the backend throws). */
    ModelRuntime open(String backend) {
        return opener.open(descriptor, backend);
    }

    /** The runtime of {@code backend}, opened on first use; null if it failed to open (now or before). */
    ModelRuntime runtimeFor(String backend) {
        ModelRuntime rt = runtimes.get(backend);
        if (rt != null || errors.containsKey(backend)) {
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
            errors.put(backend, e.getMessage());
            lost.remove(backend);
            events.openFailed(backend, e.getMessage());
            LOG.warning("backend '" + backend + "' failed to open " + descriptor.modelFile() + ": " + e.getMessage());
            return null;
        }
    }

    /** Puts {@code next} in as {@code backend}'s runtime and forgets its open error; returns the one it replaced, or null. */
    ModelRuntime install(String backend, ModelRuntime next) {
        ModelRuntime previous = runtimes.put(backend, next);
        events.runtimeOpened(backend, next);
        errors.remove(backend);
        lost.remove(backend);
        return previous;
    }

    /** Removes and returns every runtime but the default backend's that none of {@code streams} runs on. */
    List<ModelRuntime> removeUnused(Collection<StreamPipeline> streams) {
        ModelRuntime keep = runtimes.get(defaultBackend);
        List<ModelRuntime> removed = new ArrayList<>();
        for (Map.Entry<String, ModelRuntime> e : List.copyOf(runtimes.entrySet())) {
            ModelRuntime rt = e.getValue();
            if (rt != keep && streams.stream().noneMatch(s -> s.runtime() == rt)) {
                runtimes.remove(e.getKey());
                removed.add(rt);
            }
        }
        return removed;
    }

    /** The backend name {@code rt} is kept under, or null if it is not one of these runtimes. */
    String nameOf(ModelRuntime rt) {
        String name = null;
        for (Map.Entry<String, ModelRuntime> e : runtimes.entrySet()) {
            if (e.getValue() == rt) {
                name = e.getKey();
            }
        }
        return name;
    }

    /**
     * Puts {@code next} in place of {@code name}'s runtime {@code old}, or, if {@code next} is null, records
     * {@code error} for {@code name}; false (and nothing changes) if {@code old} was replaced already.
     */
    boolean replace(String name, ModelRuntime old, ModelRuntime next, String error) {
        if (runtimes.get(name) != old) {
            return false;
        }
        if (next == null) {
            runtimes.remove(name);
            errors.put(name, error);
            lost.add(name);
            events.openFailed(name, error);
        } else {
            runtimes.put(name, next);
            errors.remove(name);
            lost.remove(name);
            events.runtimeOpened(name, next);
        }
        return true;
    }

    void closeAll() {
        runtimes.values().forEach(ModelRuntime::close);
        runtimes.clear();
    }
}
