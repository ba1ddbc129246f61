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
import io.posegate.backend.tensorrt.internal.BindingInfo;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
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
    void fakedProbeStillFailsCleanlyWhenTheNativesCannotLoad(@TempDir Path dir) throws Exception {
        for (String lib : List.of(BindingInfo.NVINFER_LIBRARY, BindingInfo.CUDART_LIBRARY, "libcuda.so.1", "dev/nvidia0",
                "cp/org/bytedeco/tensorrt/linux-x86_64/libjninvinfer.so", "cp/org/bytedeco/cuda/linux-x86_64/libjnicudart.so")) {
            Files.createDirectories(dir.resolve(lib).getParent());
            Files.write(dir.resolve(lib), new byte[] {1});
        }
        ClassLoader cp = new URLClassLoader(new URL[] {dir.resolve("cp").toUri().toURL()}, null);
        TensorRtBackendProvider faked = new TensorRtBackendProvider(() -> new ProbeEnvironment(List.of(dir), List.of(dir.resolve("dev/nvidia0")),
                cp, "linux-x86_64", "Linux"));
        assertTrue(faked.probe().available(), faked.probe().reason());
        assertEquals(Set.of(ModelFormat.TENSORRT_ENGINE), faked.probe().formats());
        BackendException onnxWithoutParser = assertThrows(BackendException.class, () -> faked.open(onnxIn(dir), BackendOptions.empty()));
        assertEquals(ErrorCode.RUNTIME_UNAVAILABLE, onnxWithoutParser.code());
        assertTrue(onnxWithoutParser.getMessage().contains(BindingInfo.ONNX_PARSER_LIBRARY), onnxWithoutParser.getMessage());
        Path engine = Files.write(dir.resolve("pose.engine"), new byte[] {1, 2, 3});
        ModelSpec spec = new ModelSpec(ModelFormat.TENSORRT_ENGINE, engine, "input", new long[] {1, 3, 16, 24}, List.of("heatmaps"));
        BackendException e = assertThrows(BackendException.class, () -> faked.open(spec, BackendOptions.empty()));
        assertEquals(ErrorCode.RUNTIME_UNAVAILABLE, e.code(), e.toString());
        assertTrue(e.getMessage().contains("cannot load TensorRT/CUDA natives"), e.getMessage());
    }

    private static ModelSpec onnxIn(Path dir) throws Exception {
        return new ModelSpec(ModelFormat.ONNX, Files.write(dir.resolve("pose.onnx"), new byte[] {1}), "input", new long[] {1, 3, 16, 24},
                List.of("heatmaps"));
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
