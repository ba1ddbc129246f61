package io.posegate.gateway.testing;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.spi.BackendProvider;
import java.util.ArrayList;
import java.util.List;

/** The backends a test gateway is given. */
public final class TestBackends {
    private TestBackends() {
    }

    /** The simulated backend, then {@code others}. */
    public static List<BackendProvider> simulatedAnd(BackendProvider... others) {
        List<BackendProvider> all = new ArrayList<>();
        all.add(new SimulatedBackendProvider());
        all.addAll(List.of(others));
        return all;
    }

    /** Simulated, ONNX Runtime and {@link TwinProvider twin}, which loads the simulated model but not ONNX ones. */
    public static List<BackendProvider> simulatedOnnxAndTwin() {
        return simulatedAnd(BackendRegistry.discover().get("onnx"), new TwinProvider());
    }
}
