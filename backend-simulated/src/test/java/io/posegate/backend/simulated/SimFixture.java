package io.posegate.backend.simulated;

import io.posegate.spi.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shipped simulated model file and specs on it, for this module's tests. */
final class SimFixture {
    private SimFixture() {
    }

    /** {@code config/models/demo.sim.properties} of this checkout (tests run in the module directory). */
    static Path modelFile() {
        Path p = Path.of("").toAbsolutePath().resolve("../config/models/demo.sim.properties").normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("demo model file not found at " + p);
        }
        return p;
    }

    static ModelSpec spec(int h, int w) {
        return new ModelSpec(SimulatedBackendProvider.FORMAT, modelFile(), "image", new long[] {1, 3, h, w}, List.of("heatmaps", "pafs"));
    }
}
