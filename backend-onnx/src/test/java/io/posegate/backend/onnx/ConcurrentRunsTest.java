package io.posegate.backend.onnx;

import static io.posegate.backend.onnx.OnnxBackendSessionTest.assertClose;
import static io.posegate.backend.onnx.OnnxBackendSessionTest.fill;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Tensor;
import io.posegate.spi.testing.OnnxModelSpecs;
import io.posegate.spi.testing.OnnxTestModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code concurrentRuns}: each run slot has its own output memory, and a busy session says so. */
class ConcurrentRunsTest {
    private static final int H = 32;
    private static final int W = 48;
    private final OnnxTestModel model = new OnnxTestModel(4);

    @TempDir
    Path dir;

    @Test
    void resultsHeldAtOnceUseSeparateMemoryAndAThirdRunFailsCleanly() throws Exception {
        ModelSpec spec = new OnnxModelSpecs().spec(model.write(dir.resolve("m.onnx")), H, W);
        try (BackendSession s = new OnnxBackendProvider().open(spec, BackendOptions.of(Map.of("concurrentRuns", "2")))) {
            assertEquals(2, s.maxConcurrentRuns());
            Tensor a = Tensor.allocate("input", ElementType.FLOAT32, spec.inputShape());
            Tensor b = Tensor.allocate("input", ElementType.FLOAT32, spec.inputShape());
            float[] va = fill(a, 1);
            float[] vb = fill(b, 2);
            try (InferenceResult ra = s.run(a); InferenceResult rb = s.run(b)) {
                assertNotSame(ra.output("pafs"), rb.output("pafs"));
                assertClose(model.expected(1, va, H, W), ra.output("pafs"));
                assertClose(model.expected(1, vb, H, W), rb.output("pafs"));
                BackendException e = assertThrows(BackendException.class, () -> s.run(a));
                assertEquals(ErrorCode.INFERENCE_FAILED, e.code());
            }
            try (InferenceResult again = s.run(a)) {
                assertClose(model.expected(0, va, H, W), again.output("heatmaps"));
            }
        }
    }

    @Test
    void twoThreadsRunAtOnceAndEachGetsItsOwnAnswer() throws Exception {
        ModelSpec spec = new OnnxModelSpecs().spec(model.write(dir.resolve("m.onnx")), H, W);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (BackendSession s = new OnnxBackendProvider().open(spec, BackendOptions.of(Map.of("concurrentRuns", "2")))) {
            List<Future<Integer>> done = new ArrayList<>();
            for (int worker = 0; worker < 2; worker++) {
                int seed = worker * 1000;
                done.add(pool.submit(() -> {
                    Tensor in = Tensor.allocate("input", ElementType.FLOAT32, spec.inputShape());
                    for (int frame = 0; frame < 20; frame++) {
                        float[] v = fill(in, seed + frame);
                        try (InferenceResult r = s.run(in)) {
                            assertClose(model.expected(0, v, H, W), r.output("heatmaps"));
                        }
                    }
                    return 20;
                }));
            }
            for (Future<Integer> f : done) {
                assertEquals(20, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
