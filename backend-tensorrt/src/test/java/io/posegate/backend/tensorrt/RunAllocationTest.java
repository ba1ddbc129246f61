package io.posegate.backend.tensorrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.backend.tensorrt.engine.ResolvedBindings;
import io.posegate.spi.ElementType;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import io.posegate.spi.TensorInfo;
import io.posegate.spi.testing.SteadyStateAllocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Once warmed up, a run on the same input tensor (with a {@link FakeGpuExecutor}: no GPU here) allocates at most a
 * small result object on the Java heap, and a result's {@code names()} allocates nothing. Measured here: 24 bytes per
 * run (the result), 0 per {@code names()}; before, 360 bytes per run and 48 per {@code names()} call.
 */
class RunAllocationTest {
    private static final long MOST_BYTES_PER_RUN = 32;

    private final FakeGpuExecutor executor = new FakeGpuExecutor(Map.of("heatmaps", 19 * 4 * 6));
    private final TensorRtSession session = new TensorRtSession("CUDA:0 (fake)", new ResolvedBindings(
            new TensorInfo("input", ElementType.FLOAT32, new long[] {1, 3, 16, 24}),
            List.of(new TensorInfo("heatmaps", ElementType.FLOAT32, new long[] {1, 19, 4, 6}),
                    new TensorInfo("pafs", ElementType.FLOAT32, new long[] {1, 38, 4, 6})), List.of("heatmaps")), executor);
    private final Tensor input = Tensor.allocate("input", ElementType.FLOAT32, 1, 3, 16, 24);

    @Test
    void aRunAllocatesAtMostItsResultObject() {
        long perRun = SteadyStateAllocation.bytesPerFrame(() -> {
            try (InferenceResult r = session.run(input)) {
                r.output(r.names().get(0));
            }
        }, 50, 5, 500);
        System.out.println("TensorRtSession run + names + output + close: " + perRun + " bytes per run");
        assertTrue(perRun <= MOST_BYTES_PER_RUN, perRun + " bytes per run");
        assertTrue(executor.runs >= 550);
    }

    /**
     * The gateway's set-up on TensorRT: two workers (three here), each feeding its own input tensor, taking turns. Each
     * tensor's buffer view is kept, so a run allocates no more than with one tensor and the executor sees one buffer
     * object per tensor (it keeps a pointer per buffer). Before, only the last tensor's view was kept: every turn made
     * a new view (and the executor a new pointer).
     */
    @Test
    void workersTakingTurnsWithTheirOwnTensorsAllocateNoMoreThanOne() {
        Tensor[] own = {input, Tensor.allocate("input", ElementType.FLOAT32, 1, 3, 16, 24),
                Tensor.allocate("input", ElementType.FLOAT32, 1, 3, 16, 24)};
        int[] turn = {0};
        long perRun = SteadyStateAllocation.bytesPerFrame(() -> {
            try (InferenceResult r = session.run(own[turn[0]])) {
                r.output(r.names().get(0));
            }
            turn[0] = (turn[0] + 1) % own.length;
        }, 50, 5, 501);
        System.out.println("TensorRtSession, three tensors taking turns: " + perRun + " bytes per run");
        assertTrue(perRun <= MOST_BYTES_PER_RUN, perRun + " bytes per run");
        assertEquals(3, executor.inputBuffers.size(), "one buffer view per input tensor");
    }

    @Test
    void namesIsOneListMadeOnce() {
        try (InferenceResult r = session.run(input)) {
            assertEquals(List.of("heatmaps"), r.names());
            long perCall = SteadyStateAllocation.bytesPerFrame(r::names, 50, 5, 500);
            assertEquals(0, perCall, "bytes per names() call");
            assertSame(r.names(), r.names());
        }
    }

    /**
     * More workers than two feeding one TensorRT runtime (the worker pool is shared by every model's runtimes): 20
     * tensors in turn, several rounds, still give one buffer view each (before, 8 were kept, so every run made a view).
     */
    @Test
    void twentyTensorsTakingTurnsKeepTheirViews() {
        Tensor[] own = new Tensor[20];
        for (int i = 0; i < own.length; i++) {
            own[i] = Tensor.allocate("input", ElementType.FLOAT32, 1, 3, 16, 24);
        }
        for (int round = 0; round < 3; round++) {
            for (Tensor t : own) {
                session.run(t).close();
            }
        }
        assertEquals(own.length, executor.inputBuffers.size(), "one buffer view per input tensor");
        assertTrue(own.length <= TensorRtSession.RECENT_INPUTS);
    }
}
