package io.posegate.backend.tensorrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TensorRtProviderTest {
    private final TensorRtBackendProvider provider = new TensorRtBackendProvider(() -> new ProbeEnvironment(List.of(Path.of("/nonexistent/lib")),
            List.of(Path.of("/nonexistent/dev/nvidia0")), new java.net.URLClassLoader(new java.net.URL[0], null), "linux-arm64", "Linux"));
    private final ModelSpec onnx = new ModelSpec(ModelFormat.ONNX, Path.of("pose.onnx"), "input", new long[] {1, 3, 16, 24}, List.of("heatmaps"));

    @Test
    void nameAndPriority() {
        assertEquals("tensorrt", provider.name());
        assertEquals(300, provider.priority());
    }

    @Test
    void optionsAreCheckedBeforeTheRuntime() {
        BackendException e = assertThrows(BackendException.class, () -> provider.open(onnx, BackendOptions.of(Map.of("precision", "fp16"))));
        assertEquals(ErrorCode.INVALID_OPTION, e.code());
        assertTrue(e.getMessage().contains("[precision]"), e.getMessage());
    }

    @Test
    void openVinoIrIsUnsupported() {
        ModelSpec ir = new ModelSpec(ModelFormat.OPENVINO_IR, Path.of("pose.xml"), "input", new long[] {1, 3, 16, 24}, List.of("heatmaps"));
        BackendException e = assertThrows(BackendException.class, () -> provider.open(ir, BackendOptions.empty()));
        assertEquals(ErrorCode.UNSUPPORTED_FORMAT, e.code());
        assertTrue(e.getMessage().contains("pose.xml"), e.getMessage());
    }

    @Test
    void unavailableRuntimeCarriesTheProbeReason() {
        Probe probe = provider.probe();
        BackendException e = assertThrows(BackendException.class, () -> provider.open(onnx, BackendOptions.empty()));
        assertEquals(ErrorCode.RUNTIME_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains(probe.reason()), e.getMessage());
        assertTrue(e.getMessage().contains("/nonexistent/lib"), e.getMessage());
    }

    @Test
    void brokenEnvironmentStillYieldsAProbe() {
        TensorRtBackendProvider broken = new TensorRtBackendProvider(() -> {
            throw new IllegalStateException("no /etc");
        });
        Probe p = broken.probe();
        assertTrue(!p.available() && p.reason().contains("no /etc"), p.reason());
    }
}
