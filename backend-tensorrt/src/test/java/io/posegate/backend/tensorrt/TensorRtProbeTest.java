package io.posegate.backend.tensorrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.posegate.backend.tensorrt.internal.BindingInfo;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.Probe;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorRtProbeTest {
    @TempDir
    Path dir;

    private ProbeEnvironment env(ClassLoader loader, List<Path> nodes) {
        return new ProbeEnvironment(List.of(dir.resolve("lib"), dir.resolve("cuda")), nodes, loader, "linux-x86_64", "Linux");
    }

    private ClassLoader emptyLoader() {
        return new URLClassLoader(new URL[0], null);
    }

    private ClassLoader loaderWith(String... resources) throws IOException {
        Path root = dir.resolve("cp");
        for (String r : resources) {
            Path f = root.resolve(r);
            Files.createDirectories(f.getParent());
            Files.write(f, new byte[] {0x7f, 'E', 'L', 'F'});
        }
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

    private void touch(String relative) throws IOException {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.write(f, new byte[] {0x7f, 'E', 'L', 'F'});
    }

    @Test
    void thisMachineIsUnavailableNamingLibnvinferAndTheGpuDevice() {
        assumeFalse(Files.exists(Path.of("/dev/nvidia0")) || Files.exists(Path.of("/dev/nvhost-ctrl")), "this machine has an NVIDIA GPU");
        Probe probe = new TensorRtBackendProvider().probe();
        assertFalse(probe.available());
        assertTrue(probe.reason().startsWith(BindingInfo.NVINFER_LIBRARY + ", " + BindingInfo.CUDART_LIBRARY + " and libcuda.so.1 not found (looked in: "),
                probe.reason());
        assertTrue(probe.reason().contains("/usr/lib/x86_64-linux-gnu"), probe.reason());
        assertTrue(probe.reason().contains("no NVIDIA GPU device (/dev/nvidia0, /dev/nvhost-ctrl absent)"), probe.reason());
        assertEquals(Set.of(ModelFormat.TENSORRT_ENGINE, ModelFormat.ONNX), probe.formats());
    }

    @Test
    void emptyMachineReportsEveryMissingPieceWithWhereItLooked() {
        Probe probe = new TensorRtProbe(env(emptyLoader(), List.of(dir.resolve("dev/nvidia0")))).probe();
        assertFalse(probe.available());
        String r = probe.reason();
        assertTrue(r.contains(BindingInfo.NVINFER_LIBRARY + ", " + BindingInfo.CUDART_LIBRARY + " and libcuda.so.1 not found (looked in: "
                + dir.resolve("lib") + ", " + dir.resolve("cuda") + ", classpath org/bytedeco/{tensorrt,cuda}/linux-x86_64/)"), r);
        assertTrue(r.contains("no NVIDIA GPU device (" + dir.resolve("dev/nvidia0") + " absent)"), r);
        assertTrue(r.contains("bytedeco preset natives for linux-x86_64 not on the classpath (org/bytedeco/tensorrt/linux-x86_64/libjninvinfer.so, "
                + "org/bytedeco/cuda/linux-x86_64/libjnicudart.so); build with -P" + BindingInfo.PROFILE), r);
    }

    @Test
    void librariesAndDeviceButNoPresetNativesNamesOnlyTheNatives() throws IOException {
        touch("cuda/" + BindingInfo.NVINFER_LIBRARY);
        touch("lib/" + BindingInfo.CUDART_LIBRARY);
        touch("lib/libcuda.so.1");
        touch("dev/nvhost-ctrl");
        Probe probe = new TensorRtProbe(env(emptyLoader(), List.of(dir.resolve("dev/nvidia0"), dir.resolve("dev/nvhost-ctrl")))).probe();
        assertFalse(probe.available());
        assertFalse(probe.reason().contains("not found"), probe.reason());
        assertFalse(probe.reason().contains("GPU"), probe.reason());
        assertTrue(probe.reason().startsWith("bytedeco preset natives for linux-x86_64 not on the classpath ("), probe.reason());
        assertEquals(dir.resolve("cuda/" + BindingInfo.NVINFER_LIBRARY).toString(), probe.details().get(BindingInfo.NVINFER_LIBRARY));
    }

    @Test
    void everythingPresentIsAvailableAndSaysWhere() throws IOException {
        touch("lib/" + BindingInfo.NVINFER_LIBRARY);
        touch("lib/" + BindingInfo.ONNX_PARSER_LIBRARY);
        touch("cuda/" + BindingInfo.CUDART_LIBRARY);
        touch("lib/libcuda.so.1");
        touch("dev/nvidia0");
        ClassLoader natives = loaderWith("org/bytedeco/tensorrt/linux-x86_64/libjninvinfer.so", "org/bytedeco/cuda/linux-x86_64/libjnicudart.so");
        Probe probe = new TensorRtProbe(env(natives, List.of(dir.resolve("dev/nvidia0")))).probe();
        assertTrue(probe.available(), probe.reason());
        assertTrue(probe.reason().contains(dir.resolve("lib/" + BindingInfo.NVINFER_LIBRARY).toString()), probe.reason());
        assertTrue(probe.capabilities().contains("CUDA"));
        assertEquals(dir.resolve("dev/nvidia0").toString(), probe.details().get("gpuDevice"));
        assertTrue(probe.details().get("batching").startsWith("no: engines are built for batch 1"), probe.details().toString());
        assertTrue(probe.canLoad(ModelFormat.ONNX) && probe.canLoad(ModelFormat.TENSORRT_ENGINE));
    }

    @Test
    void onlyTheMissingLibraryIsNamed() throws IOException {
        touch("lib/" + BindingInfo.CUDART_LIBRARY);
        touch("lib/libcuda.so.1");
        Probe probe = new TensorRtProbe(env(emptyLoader(), List.of())).probe();
        assertTrue(probe.reason().startsWith(BindingInfo.NVINFER_LIBRARY + " not found (looked in: "), probe.reason());
    }

    @Test
    void withoutTheOnnxParserOnlySerialisedEnginesAreOffered() throws IOException {
        touch("lib/" + BindingInfo.NVINFER_LIBRARY);
        touch("lib/" + BindingInfo.CUDART_LIBRARY);
        touch("lib/libcuda.so.1");
        touch("dev/nvidia0");
        ClassLoader natives = loaderWith("org/bytedeco/tensorrt/linux-x86_64/libjninvinfer.so", "org/bytedeco/cuda/linux-x86_64/libjnicudart.so");
        Probe probe = new TensorRtProbe(env(natives, List.of(dir.resolve("dev/nvidia0")))).probe();
        assertTrue(probe.available(), probe.reason());
        assertEquals(Set.of(ModelFormat.TENSORRT_ENGINE), probe.formats());
        assertTrue(probe.reason().contains("serialised engines only (" + BindingInfo.ONNX_PARSER_LIBRARY + " not found)"), probe.reason());
        assertTrue(probe.details().get("onnx").contains(BindingInfo.ONNX_PARSER_LIBRARY + " not found (looked in: " + dir.resolve("lib")),
                probe.details().get("onnx"));
    }

    @Test
    void missingDriverIsNamed() throws IOException {
        touch("lib/" + BindingInfo.NVINFER_LIBRARY);
        touch("lib/" + BindingInfo.CUDART_LIBRARY);
        Probe probe = new TensorRtProbe(env(emptyLoader(), List.of())).probe();
        assertTrue(probe.reason().startsWith("libcuda.so.1 not found (looked in: " + dir.resolve("lib")), probe.reason());
    }

    @Test
    void librariesBundledInPresetJarsCount() throws IOException {
        touch("lib/libcuda.so.1");
        touch("dev/nvidia0");
        ClassLoader jars = loaderWith("org/bytedeco/tensorrt/linux-x86_64/libjninvinfer.so", "org/bytedeco/cuda/linux-x86_64/libjnicudart.so",
                "org/bytedeco/tensorrt/linux-x86_64/" + BindingInfo.NVINFER_LIBRARY, "org/bytedeco/cuda/linux-x86_64/" + BindingInfo.CUDART_LIBRARY);
        Probe probe = new TensorRtProbe(env(jars, List.of(dir.resolve("dev/nvidia0")))).probe();
        assertTrue(probe.available(), probe.reason());
    }

    @Test
    void otherOperatingSystemsAreUnavailable() {
        Probe probe = new TensorRtProbe(new ProbeEnvironment(List.of(), List.of(), emptyLoader(), "macosx-arm64", "Mac OS X")).probe();
        assertFalse(probe.available());
        assertTrue(probe.reason().contains("Linux only (os.name=Mac OS X)"), probe.reason());
    }

    /** The same table as the openvino backend's {@code ProbePlatformTest}: both follow JavaCPP's rule. */
    @Test
    void platformNamesFollowJavaCpp() {
        assertEquals("linux-x86_64", ProbeEnvironment.platform("Linux", "amd64", "", ""));
        assertEquals("linux-x86_64", ProbeEnvironment.platform("Linux", "x86_64", "", ""));
        assertEquals("linux-arm64", ProbeEnvironment.platform("Linux", "aarch64", "", ""));
        assertEquals("linux-arm", ProbeEnvironment.platform("Linux", "arm", "", "/usr/lib/jvm/zulu17/lib"));
        assertEquals("linux-armhf", ProbeEnvironment.platform("Linux", "arm", "gnueabihf", ""));
        assertEquals("linux-armhf", ProbeEnvironment.platform("Linux", "arm", "", "/usr/lib/jvm/java-17-openjdk-armhf/lib"));
        assertEquals("linux-x86", ProbeEnvironment.platform("Linux", "i686", "", ""));
        assertEquals("macosx-arm64", ProbeEnvironment.platform("Mac OS X", "aarch64", "", ""));
        assertEquals("windows-x86_64", ProbeEnvironment.platform("Windows 11", "amd64", "", ""));
    }

    @Test
    void thisJvmsPlatformIsJavaCppsOwnAnswer() {
        assertEquals(org.bytedeco.javacpp.Loader.getPlatform(), ProbeEnvironment.system().platform());
    }

    @Test
    void ldSoConfIncludesAreFollowedInSortedOrder() throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc/ld.so.conf.d"));
        Files.writeString(dir.resolve("etc/ld.so.conf"), "# comment\ninclude ld.so.conf.d/*.conf\n/opt/extra/lib\n");
        Files.writeString(etc.resolve("nvidia-tegra.conf"), "/usr/lib/aarch64-linux-gnu/tegra\n");
        Files.writeString(etc.resolve("cuda-10-2.conf"), "/usr/local/cuda-10.2/targets/aarch64-linux/lib # cuda\n\n");
        Files.writeString(etc.resolve("ignored.txt"), "/nope\n");
        assertEquals(List.of(Path.of("/usr/local/cuda-10.2/targets/aarch64-linux/lib"), Path.of("/usr/lib/aarch64-linux-gnu/tegra"),
                Path.of("/opt/extra/lib")), LdSoConf.directories(dir.resolve("etc/ld.so.conf")));
        assertEquals(List.of(), LdSoConf.directories(dir.resolve("missing.conf")));
    }
}
