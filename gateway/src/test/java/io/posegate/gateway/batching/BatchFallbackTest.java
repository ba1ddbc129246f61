package io.posegate.gateway.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.Probe;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batching asked for on the real {@code human-pose-estimation-0001.onnx}, whose batch is fixed at 1 (ONNX
 * Runtime): with {@code batch: auto} the runtime falls back to one frame per run and says why; with
 * {@code batch: dynamic} opening fails naming the descriptor and the model; {@code batch: none} never batches
 * even the dynamic-batch file.
 */
class BatchFallbackTest {
    @TempDir
    Path dir;

    @Test
    void aModelWithoutADynamicBatchFallsBackOrIsRefusedWithAClearMessage() throws Exception {
        Path shared = BatchedPeopleTest.shared();
        Path models = shared.resolve("models/human-pose-estimation-0001");
        BackendProvider onnx = onnx();
        ModelDescriptor auto = ModelDescriptors.load(BatchConfigTest.DESCRIPTOR, models.resolve("human-pose-estimation-0001.onnx"));
        try (ModelRuntime rt = ModelRuntime.open(auto, onnx, BackendOptions.empty(), 4)) {
            assertEquals(1, rt.maxBatch());
            assertTrue(rt.batching().contains("one frame per run: inference.batch.maxSize is 4")
                    && rt.batching().contains("first input dimension is dynamic"), rt.batching());
        }
        ModelDescriptor dynamic = ModelDescriptors.load(withBatch("dynamic"), models.resolve("human-pose-estimation-0001.onnx"));
        BackendException e = assertThrows(BackendException.class, () -> ModelRuntime.open(dynamic, onnx, BackendOptions.empty(), 4));
        assertEquals(ErrorCode.MODEL_MISMATCH, e.code());
        assertTrue(e.getMessage().contains("says batch: dynamic") && e.getMessage().contains("human-pose-estimation-0001.onnx"),
                e.getMessage());
        ModelDescriptor none = ModelDescriptors.load(withBatch("none"), models.resolve("human-pose-estimation-0001-batch.onnx"));
        try (ModelRuntime rt = ModelRuntime.open(none, onnx, BackendOptions.empty(), 4)) {
            assertEquals(1, rt.maxBatch());
            assertTrue(rt.batching().contains("batch: none"), rt.batching());
        }
        try (ModelRuntime rt = ModelRuntime.open(dynamic.withModelFile(models.resolve("human-pose-estimation-0001-batch.onnx")),
                onnx, BackendOptions.empty(), 4)) {
            assertEquals(4, rt.maxBatch(), rt.batching());
        }
    }

    private Path withBatch(String value) throws Exception {
        Path copy = dir.resolve("hpe-" + value + ".yaml");
        Files.writeString(copy, Files.readString(BatchConfigTest.DESCRIPTOR) + "\nbatch: " + value + "\n");
        return copy;
    }

    private static BackendProvider onnx() {
        Probe p = BackendRegistry.discover().probe("onnx");
        assumeTrue(p.available(), "onnx unavailable: " + p.reason());
        return BackendRegistry.discover().get("onnx");
    }
}
