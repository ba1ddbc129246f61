package io.posegate.backend.openvino;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.Probe;
import io.posegate.spi.testing.BatchRunContract;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** Batches on OpenVINO's CPU device, the batch dimension kept dynamic (see {@link BatchRunContract}). */
class BatchRunTest extends BatchRunContract {
    @BeforeAll
    static void requireRuntime() {
        Probe probe = new OpenVinoProvider().probe();
        assumeTrue(probe.available(), () -> "openvino unavailable: " + probe.reason());
    }

    @Override
    protected BackendProvider provider() {
        return new OpenVinoProvider();
    }

    @Override
    protected BackendOptions batchOptions() {
        return BackendOptions.of(Map.of("device", "CPU"));
    }
}
