package io.posegate.gateway.cli;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.Probe;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code posegate backends}: every discovered backend, available or not, and why. */
@Command(name = "backends", description = "List discovered backends: name, availability, reason.")
final class BackendsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BackendRegistry registry = BackendRegistry.discover();
        for (BackendProvider p : registry.providers()) {
            Probe probe = registry.probe(p.name());
            out.printf("%-10s %-11s %s%n", p.name(), probe.available() ? "available" : "unavailable", probe.reason());
        }
        out.flush();
        return 0;
    }
}
