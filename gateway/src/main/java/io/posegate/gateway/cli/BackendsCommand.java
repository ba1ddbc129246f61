package io.posegate.gateway.cli;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.BackendSpeeds;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.Probe;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code posegate backends}: every discovered backend, available or not, and why. With {@code --model},
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

    @Option(names = "--runs", defaultValue = "10", description = "Timed runs per backend after 3 warm-up runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BackendRegistry registry = BackendRegistry.discover();
        for (BackendProvider p : registry.providers()) {
            Probe probe = registry.probe(p.name());
            out.printf("%-10s %-11s %s%n", p.name(), probe.available() ? "available" : "unavailable", probe.reason());
        }
        if (model != null) {
            ModelDescriptor d = models.descriptor(model);
            out.printf("%nspeed on %s (%s), %d runs after 3 warm-up runs, one backend at a time:%n", d.name(),
                    d.modelFile() == null ? null : d.modelFile().toAbsolutePath(), runs);
            out.flush();
            List<BackendSpeeds.Speed> speeds = BackendSpeeds.measure(d, registry, Map.of(), 3, Math.max(1, runs));
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
}
