package io.posegate.backend.onnx;

import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.testing.BatchRunContract;
import java.util.Map;

/** Batches on ONNX Runtime (see {@link BatchRunContract}). */
class BatchRunTest extends BatchRunContract {
    @Override
    protected BackendProvider provider() {
        return new OnnxBackendProvider();
    }

    @Override
    protected BackendOptions batchOptions() {
        return BackendOptions.of(Map.of("intraOpThreads", "2"));
    }
}
