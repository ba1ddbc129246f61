package io.posegate.backend.tensorrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.backend.tensorrt.engine.ResolvedBindings;
import io.posegate.spi.BackendException;
import io.posegate.spi.ElementType;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import io.posegate.spi.TensorInfo;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TensorRtSessionTest {
    private final FakeGpuExecutor executor = new FakeGpuExecutor(Map.of("heatmaps", 19 * 4 * 6));
    private final ResolvedBindings bindings = new ResolvedBindings(new TensorInfo("input", ElementType.FLOAT32, new long[] {1, 3, 16, 24}),
            List.of(new TensorInfo("heatmaps", ElementType.FLOAT32, new long[] {1, 19, 4, 6}),
                    new TensorInfo("pafs", ElementType.FLOAT32, new long[] {1, 38, 4, 6})), List.of("heatmaps"));
    private final TensorRtSession session = new TensorRtSession("CUDA:0 (fake)", bindings, executor);

    private static Tensor input(float value) {
        Tensor t = Tensor.allocate("input", ElementType.FLOAT32, 1, 3, 16, 24);
        for (int i = 0; i < t.elementCount(); i++) {
            t.floats().put(i, value);
        }
        return t;
    }

    @Test
    void runReturnsRequestedOutputsInReusedDirectNativeBuffers() {
        Tensor first;
        try (InferenceResult r = session.run(input(1f))) {
            assertEquals(List.of("heatmaps"), r.names());
            first = r.output("heatmaps");
            assertTrue(first.buffer().isDirect());
            assertEquals(ByteOrder.nativeOrder(), first.buffer().order());
            assertEquals(1152f, first.floats().get(0));
            assertEquals(List.of(1L, 19L, 4L, 6L), java.util.Arrays.stream(first.shape()).boxed().toList());
        }
        try (InferenceResult r = session.run(input(2f))) {
            assertEquals(2304f, first.floats().get(5), "the same host memory is reused for the next frame");
        }
        assertEquals(2, executor.runs);
        assertEquals(1, session.maxConcurrentRuns());
        assertEquals("tensorrt", session.backendName());
        assertEquals(2, session.outputs().size());
    }

    @Test
    void wrongShapeOrTypeIsInvalidInputAndTheSessionSurvives() {
        BackendException e = assertThrows(BackendException.class, () -> session.run(Tensor.allocate("input", ElementType.FLOAT32, 1, 2, 16, 24)));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertTrue(e.getMessage().contains("[1, 2, 16, 24]") && e.getMessage().contains("FLOAT32[1, 3, 16, 24]"), e.getMessage());
        assertEquals(ErrorCode.INVALID_INPUT, assertThrows(BackendException.class,
                () -> session.run(Tensor.allocate("input", ElementType.UINT8, 1, 3, 16, 24))).code());
        assertEquals(0, executor.runs);
        session.run(input(0f)).close();
        assertEquals(1, executor.runs);
    }

    /** A dimension beyond an int (a legal 0-byte tensor) is INVALID_INPUT naming it, not an ArithmeticException. */
    @Test
    void aDimensionBeyondAnIntIsInvalidInput() {
        BackendException e = assertThrows(BackendException.class,
                () -> session.run(Tensor.allocate("input", ElementType.FLOAT32, 1, 3, 1L << 32, 0)));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertTrue(e.getMessage().contains("4294967296"), e.getMessage());
        assertEquals(0, executor.runs);
    }

    @Test
    void failedRunLeavesTheSessionUsable() {
        executor.failNext = true;
        assertEquals(ErrorCode.INFERENCE_FAILED, assertThrows(BackendException.class, () -> session.run(input(1f))).code());
        session.run(input(1f)).close();
        assertEquals(1, executor.runs);
    }

    @Test
    void resultRejectsUnknownNamesAndUseAfterClose() {
        InferenceResult r = session.run(input(1f));
        BackendException unknown = assertThrows(BackendException.class, () -> r.output("pafs"));
        assertEquals(ErrorCode.MODEL_MISMATCH, unknown.code());
        assertTrue(unknown.getMessage().contains("[heatmaps]"), unknown.getMessage());
        r.close();
        r.close();
        assertEquals(ErrorCode.CLOSED, assertThrows(BackendException.class, () -> r.output("heatmaps")).code());
    }

    @Test
    void closeIsIdempotentAndRunAfterCloseIsClosed() {
        session.close();
        session.close();
        assertEquals(1, executor.closes);
        assertEquals(ErrorCode.CLOSED, assertThrows(BackendException.class, () -> session.run(input(1f))).code());
    }

    @Test
    void sessionsRunOneFrameAtATimeAndRefuseABatch() {
        assertEquals(1, session.maxBatch(), "engines are built for batch 1");
        Tensor two = Tensor.allocate("input", ElementType.FLOAT32, 2, 3, 16, 24);
        BackendException e = assertThrows(BackendException.class, () -> session.run(two));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals(0, executor.runs);
    }
}
