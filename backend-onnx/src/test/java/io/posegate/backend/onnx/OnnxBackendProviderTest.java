package io.posegate.backend.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import io.posegate.spi.testing.OnnxModelSpecs;
import io.posegate.spi.testing.OnnxTestModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxBackendProviderTest {
    private final OnnxBackendProvider provider = new OnnxBackendProvider();

    @TempDir
    Path dir;

    @Test
    void probeReportsTheBundledRuntimeAndCpu() {
        Probe probe = provider.probe();
        assertTrue(probe.available(), probe.reason());
        assertTrue(probe.reason().startsWith("ONNX Runtime 1.23.2 (CPU"), probe.reason());
        assertEquals(Set.of(ModelFormat.ONNX), probe.formats());
        assertEquals("CPU", probe.capabilities().get(0));
        assertEquals("1.23.2", probe.details().get("version"));
        assertTrue(probe.details().get("onnxruntime").contains("libonnxruntime"), probe.details().toString());
        assertEquals(100, provider.priority());
        assertEquals("onnx", provider.name());
    }

    @Test
    void probeOnAPlatformWithoutNativesNamesTheMissingLibrary() {
        var natives = new NativeLibraries("Linux", "riscv64", getClass().getClassLoader());
        Probe probe = new OnnxBackendProvider(natives).probe();
        assertFalse(probe.available());
        assertTrue(probe.reason().contains("ai/onnxruntime/native/linux-riscv64/libonnxruntime.so not found"), probe.reason());
    }

    @Test
    void openOnAPlatformWithoutNativesIsRuntimeUnavailableWithTheProbeReason() throws Exception {
        var unavailable = new OnnxBackendProvider(new NativeLibraries("Linux", "riscv64", getClass().getClassLoader()));
        ModelSpec spec = spec();
        BackendException e = assertThrows(BackendException.class, () -> unavailable.open(spec, BackendOptions.empty()));
        assertEquals(ErrorCode.RUNTIME_UNAVAILABLE, e.code());
        assertEquals(unavailable.probe().reason(), e.getMessage());
    }

    @Test
    void nativeLibraryPathsFollowOnnxRuntimeNaming() {
        ClassLoader cl = getClass().getClassLoader();
        assertEquals("linux-x64", new NativeLibraries("Linux", "amd64", cl).platform());
        assertEquals("linux-aarch64", new NativeLibraries("Linux", "aarch64", cl).platform());
        assertEquals("ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib",
                new NativeLibraries("Mac OS X", "aarch64", cl).resourcePath("onnxruntime"));
        assertEquals("ai/onnxruntime/native/win-x64/onnxruntime.dll",
                new NativeLibraries("Windows 11", "amd64", cl).resourcePath("onnxruntime"));
    }

    @Test
    void unknownOptionIsRejectedListingTheKnownOnes() throws Exception {
        ModelSpec spec = spec();
        BackendException e = assertThrows(BackendException.class,
                () -> provider.open(spec, BackendOptions.of(Map.of("intraOpThread", "2"))));
        assertEquals(ErrorCode.INVALID_OPTION, e.code());
        assertTrue(e.getMessage().contains("[intraOpThread]"), e.getMessage());
        for (String known : OnnxOptions.KEYS) {
            assertTrue(e.getMessage().contains(known), known + " missing in: " + e.getMessage());
        }
    }

    @Test
    void badOptionValuesNameTheOption() throws Exception {
        ModelSpec spec = spec();
        for (var bad : Map.of("optimization", "fast", "device", "tpu", "intraOpThreads", "0", "concurrentRuns", "x",
                "allowSpinning", "maybe").entrySet()) {
            BackendException e = assertThrows(BackendException.class,
                    () -> provider.open(spec, BackendOptions.of(Map.of(bad.getKey(), bad.getValue()))));
            assertEquals(ErrorCode.INVALID_OPTION, e.code(), e.toString());
            assertTrue(e.getMessage().contains(bad.getKey()) && e.getMessage().contains(bad.getValue()), e.getMessage());
        }
    }

    @Test
    void defaultsAreTwoThreadsAtMostAllOptimisationsAutoDeviceOneRun() {
        OnnxOptions o = OnnxOptions.parse(BackendOptions.empty());
        assertEquals(Math.min(2, Runtime.getRuntime().availableProcessors()), o.intraOpThreads());
        assertEquals(1, o.interOpThreads());
        assertEquals(OnnxOptions.Device.AUTO, o.device());
        assertEquals(1, o.concurrentRuns());
        assertTrue(o.allowSpinning(), "ONNX Runtime's own default: spinning allowed");
        assertFalse(OnnxOptions.parse(BackendOptions.of(Map.of("allowSpinning", "False"))).allowSpinning());
        assertEquals("ALL_OPT", o.optimization().name());
        assertEquals("NO_OPT", OnnxOptions.parse(BackendOptions.of(Map.of("optimization", "None"))).optimization().name());
    }

    @Test
    void otherFormatsAreUnsupported() throws Exception {
        ModelSpec onnx = spec();
        ModelSpec ir = new ModelSpec(ModelFormat.OPENVINO_IR, dir.resolve("m.xml"), onnx.inputName(), onnx.inputShape(), onnx.outputNames());
        BackendException e = assertThrows(BackendException.class, () -> provider.open(ir, BackendOptions.empty()));
        assertEquals(ErrorCode.UNSUPPORTED_FORMAT, e.code());
        assertTrue(e.getMessage().contains("openvino-ir"), e.getMessage());
    }

    @Test
    void cpuDeviceRunsOnCpuAndAutoFallsBackToCpuWithoutCuda() throws Exception {
        assumeFalse(provider.probe().capabilities().contains("CUDA"), "this class path carries a CUDA provider");
        ModelSpec spec = spec();
        for (String device : new String[] {"cpu", "auto"}) {
            try (var s = provider.open(spec, BackendOptions.of(Map.of("device", device)))) {
                assertEquals("CPU", s.device());
            }
        }
        BackendException e = assertThrows(BackendException.class,
                () -> provider.open(spec, BackendOptions.of(Map.of("device", "cuda"))));
        assertEquals(ErrorCode.DEVICE_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("cuda"), e.getMessage());
    }

    private ModelSpec spec() throws Exception {
        return new OnnxModelSpecs().spec(new OnnxTestModel(4).write(dir.resolve("m.onnx")), 16, 24);
    }

    @Test
    void versionComesFromTheRuntimesPomWhenAShadedJarLostItsManifest() {
        String manifest = ai.onnxruntime.OrtEnvironment.class.getPackage().getImplementationVersion();
        assertNotNull(manifest, "the unshaded runtime jar's manifest names its version");
        assertEquals(java.util.Optional.of(manifest), OnnxBackendProvider.versionFromPom(getClass().getClassLoader()));
        assertEquals(java.util.Optional.empty(), OnnxBackendProvider.versionFromPom(new ClassLoader(null) { }));
    }
}
