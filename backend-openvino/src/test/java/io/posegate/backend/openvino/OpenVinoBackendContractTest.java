package io.posegate.backend.openvino;

import io.posegate.spi.BackendProvider;
import io.posegate.spi.testing.BackendContractTest;

/** The SPI contract on the real OpenVINO runtime (CPU); skips with the probe's reason when it is absent. */
class OpenVinoBackendContractTest extends BackendContractTest {
    @Override
    protected BackendProvider provider() {
        return new OpenVinoProvider();
    }
}
