package io.posegate.gateway.backend;

import static java.util.Objects.requireNonNull;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.Probe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The backends found on the class path with {@link ServiceLoader}, highest priority first, with their
 * probes cached by backend and options (probing is cheap but not free; see {@link ProbeCache} for when a cached
 * probe is refreshed: an unavailable one after a while, and all of a backend's after it opened a model). A registry {@link #configured} with the
 * options sessions are opened with probes each backend with its options (OpenVINO's {@code libraryPath} says where
 * its runtime is); the gateway uses one configured from its config and default model, and one per model a stream
 * runs of its own. Thread-safe.
 */
public final class BackendRegistry {
    public static final String AUTO = "auto";

    private final Map<String, BackendProvider> providers;
    private final Function<String, Map<String, String>> optionsOf;
    private final ProbeCache probes;

    /** The providers, probed without options. */
    public BackendRegistry(List<BackendProvider> found) {
        this(found, System::nanoTime, ProbeCache.daemonThread());
    }

    /** As {@link #BackendRegistry(List)} with a clock and where stale unavailable probes are probed again (tests). */
    BackendRegistry(List<BackendProvider> found, LongSupplier nanoTime, Executor background) {
        this.providers = sorted(found);
        this.optionsOf = name -> Map.of();
        this.probes = new ProbeCache(this::probeNow, nanoTime, background);
    }

    private BackendRegistry(Map<String, BackendProvider> providers, Function<String, Map<String, String>> optionsOf,
                            ProbeCache probes) {
        this.providers = providers;
        this.optionsOf = optionsOf;
        this.probes = probes;
    }

    private static Map<String, BackendProvider> sorted(List<BackendProvider> found) {
        Map<String, BackendProvider> byName = new LinkedHashMap<>();
        found.stream().sorted(Comparator.comparingInt(BackendProvider::priority).reversed())
                .forEach(p -> byName.putIfAbsent(p.name(), p));
        return Collections.unmodifiableMap(byName);
    }

    public static BackendRegistry discover() {
        List<BackendProvider> found = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class).forEach(found::add);
        return new BackendRegistry(found);
    }

    /**
     * The same providers, each probed with {@code optionsOf.apply(name)} (the options a session on that backend
     * is opened with; null reads as none). Shares this registry's probes, which are kept per backend and options:
     * a backend is probed once for the same options, whichever registry asks (until {@link ProbeCache} refreshes it).
     */
    public BackendRegistry configured(Function<String, Map<String, String>> optionsOf) {
        requireNonNull(optionsOf, "optionsOf is null");
        return new BackendRegistry(providers, optionsOf, probes);
    }

    /** Providers, highest priority first. */
    public List<BackendProvider> providers() {
        return List.copyOf(providers.values());
    }

    public List<String> names() {
        return List.copyOf(providers.keySet());
    }

    /**
     * The provider's probe with its configured options, cached (see {@link ProbeCache}). Only a backend's first
     * probe for these options blocks the caller; an unavailable probe is re-probed in the background once it is
     * {@link ProbeCache#RETRY_UNAVAILABLE} old, so a later call sees a runtime installed meanwhile. A probe that
     * breaks its contract and throws (or fails to link) is reported as unavailable with the error.
     */
    public Probe probe(String name) {
        get(name);
        return probes.get(key(name));
    }

    /**
     * Probes {@code name} again now, with this registry's options and with every other options it was probed with:
     * call it after a session opened on it, so that what the open loaded shows (OpenVINO's device list). Blocking:
     * call it where the open ran, never on an event loop.
     */
    public void refresh(String name) {
        get(name);
        probes.refresh(key(name));
    }

    private ProbeCache.Key key(String name) {
        Map<String, String> given = optionsOf.apply(name);
        Map<String, String> options = given == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(given));
        return new ProbeCache.Key(name, options);
    }

    /** A probe that breaks its contract and throws (or fails to link) is unavailable with the error, so one broken backend never hides the others. */
    private Probe probeNow(String name, Map<String, String> options) {
        try {
            return providers.get(name).probe(BackendOptions.of(options));
        } catch (RuntimeException | LinkageError e) {
            return Probe.unavailable("probe of backend '" + name + "' failed: " + e, java.util.Set.of());
        }
    }

    /**
     * The provider of this name.
     *
     * @throws BackendException {@link ErrorCode#INVALID_OPTION} naming it and listing the known backends
     */
    public BackendProvider get(String name) {
        BackendProvider p = providers.get(name);
        if (p == null) {
            throw new BackendException(ErrorCode.INVALID_OPTION, "unknown backend '" + name + "'; known: " + AUTO + ", "
                    + String.join(", ", providers.keySet()));
        }
        return p;
    }

    /**
     * Resolves {@code name} ({@code auto} or a backend name) for a model format: {@code auto} takes the
     * available provider of highest priority that loads the format.
     *
     * @throws BackendException INVALID_OPTION for an unknown name, RUNTIME_UNAVAILABLE (with every
     *                          backend's reason) when none fits
     */
    public BackendProvider select(String name, ModelFormat format) {
        if (!AUTO.equals(name)) {
            return get(name);
        }
        StringBuilder why = new StringBuilder();
        for (BackendProvider p : providers.values()) {
            Probe probe = probe(p.name());
            if (probe.canLoad(format)) {
                return p;
            }
            why.append("; ").append(p.name()).append(": ")
                    .append(probe.available() ? "does not load " + format.id() : probe.reason());
        }
        throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "no available backend loads " + format.id() + why);
    }
}
