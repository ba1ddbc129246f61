package io.posegate.backend.openvino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.backend.openvino.internal.OvCompiledModel;
import io.posegate.backend.openvino.internal.OvRuntime;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An {@link Error} thrown inside {@code run} (injected through the opener's slot factory) or {@code open} (a StackOverflowError, a direct-memory
 * OutOfMemoryError while allocating output buffers) leaves nothing behind: the infer request goes back to the
 * pool, and a failed open frees the requests made so far and the compiled model. Real runtime (CPU).
 */
class FailureCleanupTest extends RealRuntimeTestBase {
    /** A slot that throws {@link #failure}, while it is set, when a run prepares its outputs. */
    private static final class FailingSlot extends RequestSlot {
        volatile Error failure;

        FailingSlot(RequestSlot made) {
            super(made);
        }

        @Override
        void prepare(int n) {
            Error f = failure;
            if (f != null) {
                throw f;
            }
            super.prepare(n);
        }
    }

    @Test
    void anErrorInRunHandsTheRequestBack() {
        OvRuntime runtime = OvRuntime.load(Path.of(provider.probeLoaded().details().get("library")));
        List<FailingSlot> slots = new ArrayList<>();
        SessionOpener.SlotFactory failing = (model, wanted, maxBatch) -> {
            FailingSlot slot = new FailingSlot(RequestSlot.create(model, wanted, maxBatch));
            slots.add(slot);
            return slot;
        };
        try (BackendSession s = SessionOpener.open(runtime, spec, OpenVinoOptions.parse(BackendOptions.empty()), failing)) {
            assertEquals(1, s.maxConcurrentRuns());
            Tensor in = Tensor.allocate("input", ElementType.FLOAT32, 1, 3, H, W);
            StackOverflowError boom = new StackOverflowError("deep in a run");
            slots.get(0).failure = boom;
            assertSame(boom, assertThrows(StackOverflowError.class, () -> s.run(in)));
            slots.get(0).failure = null;
            try (InferenceResult r = s.run(in)) {
                assertTrue(r.names().contains("heatmaps"), r.names().toString());
            }
        }
    }

    @Test
    void anErrorWhileMakingRequestsFreesThemAndTheCompiledModel() {
        OvRuntime runtime = OvRuntime.load(Path.of(provider.probeLoaded().details().get("library")));
        List<OvCompiledModel> compiled = new ArrayList<>();
        List<RequestSlot> made = new ArrayList<>();
        OutOfMemoryError oom = new OutOfMemoryError("Cannot reserve direct buffer memory");
        SessionOpener.SlotFactory second = (model, wanted, maxBatch) -> {
            compiled.add(model);
            if (made.size() == 1) {
                throw oom;
            }
            RequestSlot slot = RequestSlot.create(model, wanted, maxBatch);
            made.add(slot);
            return slot;
        };
        OpenVinoOptions three = OpenVinoOptions.parse(BackendOptions.of(Map.of("inferRequests", "3")));
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> SessionOpener.open(runtime, spec, three, second)));
        assertEquals(1, made.size());
        assertTrue(made.get(0).isClosed(), "the request made before the failure is freed");
        assertTrue(compiled.get(0).isClosed(), "the compiled model is freed");
    }
}
