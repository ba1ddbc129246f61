package io.posegate.gateway.testing;

import io.posegate.backend.simulated.SimulatedBackendProvider;

/** The simulated backend under the name {@code twin}: it loads the simulated model format only (not ONNX). */
public final class TwinProvider extends ForwardingProvider {
    public TwinProvider() {
        super(new SimulatedBackendProvider(), "twin");
    }
}
