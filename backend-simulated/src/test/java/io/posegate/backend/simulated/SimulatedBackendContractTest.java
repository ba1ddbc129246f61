package io.posegate.backend.simulated;

import io.posegate.spi.BackendProvider;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.testing.BackendContractTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The SPI contract on the simulated backend, with its own model file and a plain reference oracle. */
class SimulatedBackendContractTest extends BackendContractTest {
    @Override
    protected BackendProvider provider() {
        return new SimulatedBackendProvider();
    }

    @Override
    protected ModelSpec model(Path dir) throws Exception {
        Path file = Files.copy(SimFixture.modelFile(), dir.resolve("contract.sim.properties"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new ModelSpec(SimulatedBackendProvider.FORMAT, file, "image", new long[] {1, 3, H, W}, List.of("heatmaps", "pafs"));
    }

    @Override
    protected float[] expectedOutput(String name, float[] input) {
        return ReferenceSimulation.expected(name.equals("heatmaps") ? 0 : 1, input, H, W, STRIDE);
    }
}
