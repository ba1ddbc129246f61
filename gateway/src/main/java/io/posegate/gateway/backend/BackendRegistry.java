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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The backends found on the class path with {@link ServiceLoader}, highest priority first, with their
 * probes cached by backend and options (probing is cheap but not free). A registry {@link #configured} with the
 * options sessions are opened with probes each backend with its options (OpenVINO's {@code libraryPath} says where
 * its runtime is); the gateway uses one configured from its config and default model, and one per model a stream
 * runs of its own. Thread-safe.
 */
public final class BackendRegistry {
    public static final String AUTO = "auto";

    private final Map<String, BackendProvider> providers;
    private final Function<String, Map<String, String>> optionsOf;
    private final Map<ProbeKey, Probe> probes;

    /** A probe is cached for a backend and the options it was probed with. */
    private record ProbeKey(String name, Map<String, String> options) {
    }

    /** The providers, probed without options. */
    public BackendRegistry(List<BackendProvider> found) {
        this(sorted(found), name -> Map.of(), new ConcurrentHashMap<>());
    }

    private BackendRegistry(Map<String, BackendProvider> providers, Function<String, Map<String, String>> optionsOf,
                            Map<ProbeKey, Probe> probes) {
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
     * a backend is probed once for the same options, whichever registry asks.
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
     * The provider's probe with its configured options, cached. A probe that breaks its contract and throws (or
     * fails to link) is reported as unavailable with the error, so one broken backend never hides the others.
     */
    public Probe probe(String name) {
        BackendProvider p = get(name);
        Map<String, String> given = optionsOf.apply(name);
        Map<String, String> options = given == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(given));
        return probes.computeIfAbsent(new ProbeKey(name, options), k -> {
            try {
                return p.probe(BackendOptions.of(options));
            } catch (RuntimeException | LinkageError e) {
                return Probe.unavailable("probe of backend '" + name + "' failed: " + e, java.util.Set.of());
            }
        });
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
