package io.posegate.backend.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.ElementType;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Tensor;
import io.posegate.spi.TensorInfo;
import io.posegate.spi.testing.OnnxModelSpecs;
import io.posegate.spi.testing.OnnxTestModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@link Error} thrown inside {@code run} (injected through the session's slot allocator) or {@code open} (a StackOverflowError in ORT's result objects, a
 * direct-memory OutOfMemoryError while allocating output buffers) leaves nothing behind: the run slot goes back
 * to the pool, and a failed open closes the ORT session and the slots it made.
 */
class FailureCleanupTest {
    private static final int H = 32;
    private static final int W = 48;

    @TempDir
    Path dir;

    private ModelSpec spec() throws Exception {
        return new OnnxModelSpecs().spec(new OnnxTestModel(4).write(dir.resolve("m.onnx")), H, W);
    }

    /** A slot that throws {@link #failure}, while it is set, when a run asks for its ORT outputs. */
    private static final class FailingSlot extends RunSlot {
        volatile Error failure;

        FailingSlot(OrtSessions.Opened ort, List<TensorInfo> outputs, int maxBatch) throws OrtException {
            super(ort.env(), outputs, maxBatch);
        }

        @Override
        Map<String, OnnxTensor> pinned(int n) {
            Error f = failure;
            if (f != null) {
                throw f;
            }
            return super.pinned(n);
        }
    }

    @Test
    void anErrorInRunHandsTheSlotBack() throws Exception {
        ModelSpec spec = spec();
        List<FailingSlot> slots = new ArrayList<>();
        OnnxBackendSession.SlotAllocator failing = (ort, outputs, maxBatch) -> {
            FailingSlot slot = new FailingSlot(ort, outputs, maxBatch);
            slots.add(slot);
            return slot;
        };
        try (OnnxBackendSession s = OnnxBackendSession.open(spec, OnnxOptions.parse(BackendOptions.empty()), failing)) {
            assertEquals(1, s.maxConcurrentRuns());
            Tensor in = Tensor.allocate("input", ElementType.FLOAT32, spec.inputShape());
            StackOverflowError boom = new StackOverflowError("deep in ORT");
            slots.get(0).failure = boom;
            assertSame(boom, assertThrows(StackOverflowError.class, () -> s.run(in)));
            slots.get(0).failure = null;
            try (InferenceResult r = s.run(in)) {
                assertEquals(List.of("heatmaps", "pafs"), r.names());
            }
        }
    }

    @Test
    void anErrorWhileAllocatingRunSlotsClosesTheOrtSessionAndTheSlotsMade() throws Exception {
        List<OrtSessions.Opened> opened = new ArrayList<>();
        List<RunSlot> made = new ArrayList<>();
        OutOfMemoryError oom = new OutOfMemoryError("Cannot reserve direct buffer memory");
        OnnxBackendSession.SlotAllocator second = (ort, outputs, maxBatch) -> {
            opened.add(ort);
            if (made.size() == 1) {
                throw oom;
            }
            RunSlot slot = new RunSlot(ort.env(), outputs, maxBatch);
            made.add(slot);
            return slot;
        };
        OnnxOptions three = OnnxOptions.parse(BackendOptions.of(Map.of("concurrentRuns", "3")));
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> OnnxBackendSession.open(spec(), three, second)));
        assertEquals(1, made.size());
        for (OnnxTensor t : made.get(0).pinned(1).values()) {
            assertTrue(t.isClosed(), "pinned output of the slot made before the failure is closed");
        }
        assertThrows(IllegalStateException.class, () -> opened.get(0).session().getInputInfo(), "the ORT session is closed");
    }
}
