package io.posegate.backend.onnx;

import io.posegate.spi.BackendProvider;
import io.posegate.spi.testing.BackendContractTest;

/** The SPI contract, run against the real ONNX Runtime on the generated test model. */
class OnnxBackendContractTest extends BackendContractTest {
    @Override
    protected BackendProvider provider() {
        return new OnnxBackendProvider();
    }
}
