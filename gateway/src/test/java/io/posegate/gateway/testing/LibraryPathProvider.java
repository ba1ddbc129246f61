package io.posegate.gateway.testing;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named like OpenVINO and above the simulated backend in priority, loading the simulated format: its runtime is
 * found only in the directory its {@code libraryPath} option names. {@code open} always fails with
 * {@link #NOT_OPENED}, so a test sees that this backend was the one chosen. Counts its probes.
 */
public final class LibraryPathProvider implements BackendProvider {
    public static final String NOT_OPENED = "openvino stand-in: not opened in this test";

    public final AtomicInteger probes = new AtomicInteger();

    @Override
    public String name() {
        return "openvino";
    }

    @Override
    public int priority() {
        return 200;
    }

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(SimulatedBackendProvider.FORMAT);
    }

    @Override
    public Probe probe() {
        return Probe.unavailable("runtime not found; set libraryPath", formats());
    }

    @Override
    public Probe probe(BackendOptions options) {
        probes.incrementAndGet();
        String path = options.get("libraryPath", null);
        return path != null && Files.isDirectory(Path.of(path)) ? Probe.available("runtime in " + path, formats(), List.of("CPU"), Map.of())
                : probe();
    }

    @Override
    public BackendSession open(ModelSpec model, BackendOptions options) {
        throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, NOT_OPENED);
    }
}
