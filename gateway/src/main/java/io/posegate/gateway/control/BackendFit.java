package io.posegate.gateway.control;

import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Whether this box can run a backend for a model, from the provider's probe with the options that model opens
 * with (the config's {@code backends.<name>} over the descriptor's): the gateway's model, and each model a stream
 * runs of its own, whose format and options may differ. Probes are cached, so asking is cheap; nothing is opened.
 */
public final class BackendFit {
    private BackendFit() {
    }

    /** Why this box cannot run {@code backend} for model {@code d}; null if it can. */
    public static String unsatisfiable(String backend, ModelDescriptor d, Gateway gateway) {
        ModelFormat format = d.format();
        Map<String, Map<String, String>> configured = gateway.config().backendOptions();
        var registry = gateway.registry().configured(name -> d.optionsFor(name, configured.getOrDefault(name, Map.of())));
        try {
            BackendProvider p = registry.select(backend, format);
            Probe probe = registry.probe(p.name());
            if (!probe.available()) {
                return "backend '" + p.name() + "' is not available on this box: " + probe.reason();
            }
            if (!probe.canLoad(format)) {
                return "backend '" + p.name() + "' does not load model format '" + format.id() + "' of model '"
                        + d.name() + "'; it loads " + probe.formats().stream().map(ModelFormat::id).sorted().toList();
            }
            return null;
        } catch (BackendException e) {
            return e.getMessage();
        }
    }

    /** Why stream {@code id}, running model {@code d}, cannot run {@code backend}, naming both; null if it can. */
    public static String forStream(String id, ModelDescriptor d, String backend, Gateway gateway) {
        String why = unsatisfiable(backend, d, gateway);
        if (why == null) {
            return null;
        }
        String file = d.modelFile() == null ? "" : ", file " + d.modelFile().getFileName();
        String whose = d == gateway.descriptor() ? "the gateway's model '" : "its own model '";
        return "stream " + id + " (" + whose + d.name() + "'" + file + "): " + why;
    }

    /**
     * Why the running streams with a model of their own that follow the default backend (they name none) could not
     * run {@code backend} as the new default, one line per stream; streams {@code skip} accepts are left out.
     */
    public static List<String> followingStreams(String backend, Gateway gateway, Predicate<String> skip) {
        List<String> problems = new ArrayList<>();
        for (StreamPipeline s : gateway.streams()) {
            ModelDescriptor d = gateway.descriptorOf(s.id());
            if (skip.test(s.id()) || d == gateway.descriptor() || gateway.ownBackendOf(s.id()) != null) {
                continue;
            }
            String why = forStream(s.id(), d, backend, gateway);
            if (why != null) {
                problems.add(why);
            }
        }
        return problems;
    }
}
