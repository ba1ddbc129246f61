package io.posegate.gateway.cli;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.BackendSpeeds;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.Probe;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code posegate backends}: every discovered backend, available or not, and why, probed with the options it would
 * open with ({@code --option}, over the {@code --model} descriptor's {@code backends.<name>}). With {@code --model},
 * also which available backend runs that model fastest on this machine, measured after a short warm-up.
 */
@Command(name = "backends", description = "List discovered backends: name, availability, reason; with --model, measure which runs it fastest here.")
final class BackendsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", description = "Descriptor name or path: measure each available backend on it (short warm-up, then --runs runs).")
    String model;

    @Mixin
    ModelOptions models;

    @Option(names = "--option", description = "Backend option BACKEND.KEY=VALUE, as backends.BACKEND.KEY in the config "
            + "(repeatable), e.g. openvino.libraryPath=/opt/intel/openvino/runtime/lib/intel64.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--runs", defaultValue = "10", description = "Timed runs per backend after 3 warm-up runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BackendRegistry discovered = BackendRegistry.discover();
        Map<String, Map<String, String>> byBackend = byBackend(discovered);
        ModelDescriptor d = model == null ? null : models.descriptor(model);
        BackendRegistry registry = discovered.configured(name -> {
            Map<String, String> given = byBackend.getOrDefault(name, Map.of());
            return d == null ? given : d.optionsFor(name, given);
        });
        for (BackendProvider p : registry.providers()) {
            Probe probe = registry.probe(p.name());
            out.printf("%-10s %-11s %s%n", p.name(), probe.available() ? "available" : "unavailable", probe.reason());
        }
        if (d != null) {
            out.printf("%nspeed on %s (%s), %d runs after 3 warm-up runs, one backend at a time:%n", d.name(),
                    d.modelFile() == null ? null : d.modelFile().toAbsolutePath(), runs);
            out.flush();
            List<BackendSpeeds.Speed> speeds = BackendSpeeds.measure(d, registry, byBackend, 3, Math.max(1, runs));
            for (BackendSpeeds.Speed s : speeds) {
                if (s.error() == null) {
                    out.printf("  %-10s %-16s %8.1f ms per frame%n", s.backend(), s.label(), s.msPerFrame());
                } else {
                    out.printf("  %-10s failed: %s%n", s.backend(), s.error());
                }
            }
            out.println(BackendSpeeds.fastest(speeds).map(s -> "fastest here: " + s.backend() + " (" + s.label() + ")")
                    .orElse("no available backend could run it"));
        }
        out.flush();
        return 0;
    }

    /** The {@code --option} values per backend; a key without a backend, or naming no known backend, is a usage error. */
    private Map<String, Map<String, String>> byBackend(BackendRegistry registry) {
        Map<String, Map<String, String>> byBackend = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw new ParameterException(spec.commandLine(), "--option " + key + "=" + value
                        + ": write BACKEND.KEY=VALUE, e.g. openvino.libraryPath=/path; backends: " + String.join(", ", registry.names()));
            }
            String backend = key.substring(0, dot);
            if (!registry.names().contains(backend)) {
                throw new ParameterException(spec.commandLine(), "--option " + key + "=" + value + ": unknown backend '" + backend
                        + "'; known: " + String.join(", ", registry.names()));
            }
            byBackend.computeIfAbsent(backend, b -> new LinkedHashMap<>()).put(key.substring(dot + 1), value);
        });
        return byBackend;
    }
}
