package io.posegate.backend.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import io.posegate.spi.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedProviderTest {
    private final SimulatedBackendProvider provider = new SimulatedBackendProvider();

    @Test
    void probeSaysItIsASimulation() {
        Probe p = provider.probe();
        assertTrue(p.available());
        assertEquals("simulated network for the demo scene (no real inference)", p.reason());
        assertEquals(java.util.Set.of(SimulatedBackendProvider.FORMAT), p.formats());
        assertEquals("simulated", provider.name());
        assertEquals(0, provider.priority());
    }

    @Test
    void refusesOtherFormatsOptionsAndShapes() {
        ModelSpec good = SimFixture.spec(256, 456);
        assertCode(ErrorCode.UNSUPPORTED_FORMAT, "onnx", () -> provider.open(new ModelSpec(ModelFormat.ONNX, good.file(),
                "image", good.inputShape(), good.outputNames()), BackendOptions.empty()));
        assertCode(ErrorCode.INVALID_OPTION, "threads", () -> provider.open(good, BackendOptions.of(Map.of("threads", "2"))));
        assertCode(ErrorCode.MODEL_MISMATCH, "data", () -> provider.open(new ModelSpec(SimulatedBackendProvider.FORMAT, good.file(),
                "data", good.inputShape(), good.outputNames()), BackendOptions.empty()));
        assertCode(ErrorCode.MODEL_MISMATCH, "[1, 3, 250, 456]", () -> provider.open(SimFixture.spec(250, 456), BackendOptions.empty()));
    }

    @Test
    void resultsAreLentUntilClosed() {
        try (BackendSession s = provider.open(SimFixture.spec(64, 96), BackendOptions.empty())) {
            assertEquals("CPU (simulated network)", s.device());
            assertEquals(1, s.maxConcurrentRuns());
            assertEquals(List.of("image"), s.inputs().stream().map(i -> i.name()).toList());
            Tensor input = Tensor.allocate("image", ElementType.FLOAT32, 1, 3, 64, 96);
            InferenceResult r = s.run(input);
            assertEquals(List.of("heatmaps", "pafs"), r.names());
            Tensor first = r.output("heatmaps");
            r.close();
            assertCode(ErrorCode.CLOSED, "heatmaps", () -> r.output("heatmaps"));
            try (InferenceResult again = s.run(input)) {
                again.output("heatmaps").floats().put(5, 42f);
                assertEquals(42f, first.floats().get(5), "output memory is allocated once and reused");
            }
            assertCode(ErrorCode.INVALID_INPUT, "FLOAT32", () -> s.run(Tensor.allocate("image", ElementType.UINT8, 1, 3, 64, 96)));
        }
    }

    private static void assertCode(ErrorCode code, String mention, org.junit.jupiter.api.function.Executable call) {
        BackendException e = assertThrows(BackendException.class, call);
        assertEquals(code, e.code(), e.toString());
        assertTrue(e.getMessage().contains(mention), e.getMessage());
    }
}
