package io.posegate.gateway.testing;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;

/** The simulated backend under the name {@code twin}: it loads the simulated model format only (not ONNX). */
public final class TwinProvider extends ForwardingProvider {
    public TwinProvider() {
        super(new SimulatedBackendProvider());
    }

    @Override
    public String name() {
        return "twin";
    }

    @Override
    protected InferenceResult run(BackendSession session, Tensor input, int index) {
        return session.run(input);
    }
}
