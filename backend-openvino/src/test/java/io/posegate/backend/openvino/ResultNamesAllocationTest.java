package io.posegate.backend.openvino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import io.posegate.spi.testing.SteadyStateAllocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A result's {@code names()} is one list made with the run slot: calling it every frame allocates nothing. */
class ResultNamesAllocationTest extends RealRuntimeTestBase {
    @Test
    void namesAllocatesNothing() {
        try (BackendSession s = provider.open(spec, BackendOptions.empty());
             InferenceResult r = s.run(Tensor.allocate("input", ElementType.FLOAT32, spec.inputShape()))) {
            assertEquals(List.of("heatmaps", "pafs"), r.names());
            assertEquals(0, SteadyStateAllocation.bytesPerFrame(r::names, 50, 5, 500), "bytes per names() call");
            assertSame(r.names(), r.names());
        }
    }
}
