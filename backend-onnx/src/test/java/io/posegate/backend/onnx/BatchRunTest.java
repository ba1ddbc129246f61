package io.posegate.backend.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Tensor;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Batches on ONNX Runtime with the real dynamic-batch {@code human-pose-estimation-0001-batch.onnx}: item i
 * of a batch equals a single run of frame i, a model with a fixed batch opens with batch 1, and an input
 * above the session's batch is refused naming the limit.
 */
class BatchRunTest {
    private static final String HEATMAPS = "Mconv7_stage2_L2";
    private static final String PAFS = "Mconv7_stage2_L1";
    private static final long[] ONE = {1, 3, 256, 456};

    @Test
    void eachItemOfABatchEqualsItsSingleRun() {
        ModelSpec spec = spec("human-pose-estimation-0001-batch.onnx").withMaxBatch(4);
        try (BackendSession s = new OnnxBackendProvider().open(spec, BackendOptions.of(Map.of("intraOpThreads", "2")))) {
            assertEquals(4, s.maxBatch());
            Tensor batch = Tensor.allocate("data", ElementType.FLOAT32, 4, 3, 256, 456);
            for (int i = 0; i < 4; i++) {
                fill(batch.item(i), i + 1);
            }
            for (int n : new int[] {3, 4}) {
                float[][][] items = new float[n][][];
                try (InferenceResult r = s.run(batch.firstItems(n))) {
                    assertArrayEquals(new long[] {n, 19, 32, 57}, r.output(HEATMAPS).shape());
                    assertArrayEquals(new long[] {n, 38, 32, 57}, r.output(PAFS).shape());
                    for (int i = 0; i < n; i++) {
                        items[i] = new float[][] {copy(r.output(HEATMAPS).item(i)), copy(r.output(PAFS).item(i))};
                    }
                }
                for (int i = 0; i < n; i++) {
                    Tensor one = Tensor.allocate("data", ElementType.FLOAT32, ONE);
                    one.buffer().put(batch.item(i).buffer());
                    try (InferenceResult r = s.run(one)) {
                        assertClose(copy(r.output(HEATMAPS)), items[i][0], "heatmaps of item " + i + " of " + n);
                        assertClose(copy(r.output(PAFS)), items[i][1], "pafs of item " + i + " of " + n);
                    }
                }
            }
            BackendException e = assertThrows(BackendException.class,
                    () -> s.run(Tensor.allocate("data", ElementType.FLOAT32, 5, 3, 256, 456)));
            assertEquals(ErrorCode.INVALID_INPUT, e.code());
            assertTrue(e.getMessage().contains("batch of 1 to 4"), e.getMessage());
        }
    }

    @Test
    void aModelWithAFixedBatchOpensWithBatchOne() {
        ModelSpec spec = spec("human-pose-estimation-0001.onnx").withMaxBatch(4);
        try (BackendSession s = new OnnxBackendProvider().open(spec, BackendOptions.empty())) {
            assertEquals(1, s.maxBatch());
            BackendException e = assertThrows(BackendException.class,
                    () -> s.run(Tensor.allocate("data", ElementType.FLOAT32, 2, 3, 256, 456)));
            assertEquals(ErrorCode.INVALID_INPUT, e.code());
        }
    }

    private static ModelSpec spec(String name) {
        String shared = System.getenv("POSEGATE_SHARED");
        assumeTrue(shared != null && !shared.isBlank(), "POSEGATE_SHARED is not set (folder holding models/ and media/)");
        Path file = Path.of(shared, "models/human-pose-estimation-0001", name);
        assumeTrue(Files.isRegularFile(file), "POSEGATE_SHARED has no " + file);
        return new ModelSpec(ModelFormat.ONNX, file, "data", ONE, List.of(HEATMAPS, PAFS));
    }

    /** Pixel-like values 0..255 with a per-item pattern, so items differ. */
    private static void fill(Tensor t, int seed) {
        Random r = new Random(seed);
        FloatBuffer f = t.floats();
        for (int i = 0; i < f.limit(); i++) {
            f.put(i, (float) ((i / 456 % 64) * seed % 256 + r.nextInt(32)));
        }
    }

    private static float[] copy(Tensor t) {
        FloatBuffer f = t.floats();
        float[] a = new float[f.remaining()];
        f.get(a);
        return a;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        float worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= 1e-3f, what + ": largest difference " + worst);
    }
}
