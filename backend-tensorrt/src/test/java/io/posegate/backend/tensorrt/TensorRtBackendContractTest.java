package io.posegate.backend.tensorrt;

import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.testing.BackendContractTest;
import java.util.Map;

/**
 * The SPI contract. Without an NVIDIA GPU (this build machine) the runtime tests skip with the probe's reason
 * and {@code openWhenUnavailableFailsWithRuntimeUnavailable} runs. FP32 so that the contract's 1e-4 tolerance
 * holds on GPUs with fast FP16; engines are cached in the test's temporary directory.
 */
class TensorRtBackendContractTest extends BackendContractTest {
    @Override
    protected BackendProvider provider() {
        return new TensorRtBackendProvider();
    }

    @Override
    protected BackendOptions options() {
        return BackendOptions.of(Map.of("fp16", "false", "cacheDir", tempDir.resolve("engines").toString()));
    }
}
