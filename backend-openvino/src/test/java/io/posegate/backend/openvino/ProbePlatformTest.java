package io.posegate.backend.openvino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe says "unavailable" when this build has no JNI glue for the platform, or the library is built for
 * another processor, so {@code backend: auto} moves on to a backend that can open; it loads nothing to tell. It
 * looks where {@code open} will: option {@code libraryPath} when given.
 */
class ProbePlatformTest {
    @TempDir
    Path temp;

    /** A directory holding a {@code libopenvino_c.so} that is only an ELF header for {@code machine}. */
    private Path fakeRuntime(int machine) throws Exception {
        ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        byte elfClass = (byte) (machine == ElfHeader.ARM || machine == ElfHeader.I386 ? 1 : 2);
        header.put(new byte[] {0x7f, 'E', 'L', 'F', elfClass, 1, 1});
        header.putShort(16, (short) 3).putShort(18, (short) machine);
        Path dir = Files.createDirectories(temp.resolve("libs-" + machine));
        Files.write(dir.resolve("libopenvino_c.so"), header.array());
        return dir;
    }

    private static OpenVinoProvider provider(Path dir, JniGlue glue) {
        return new OpenVinoProvider(new RuntimeLocator(Map.of(), Map.of(RuntimeLocator.PROPERTY, dir.toString())::get, List.of()),
                glue);
    }

    /** The glue of this build for the JVM's platform; skips when the build has none (or the platform's CPU is unknown). */
    private static JniGlue here() {
        JniGlue here = JniGlue.forThisJvm();
        assumeTrue(here.find() != null && here.elfMachine() > 0, "this build has no glue for " + here.platform());
        return here;
    }

    /** A processor other than the one this JVM runs on. */
    private static int foreign(JniGlue here) {
        return here.elfMachine() == ElfHeader.X86_64 ? ElfHeader.AARCH64 : ElfHeader.X86_64;
    }

    @Test
    void missingGlueForThePlatformIsUnavailableAndSaysHowToBuildIt() throws Exception {
        // a class loader that sees nothing (not even this build's glue), whatever platform the build is for
        JniGlue none = new JniGlue("linux-arm64", new ClassLoader(null) { });
        OpenVinoProvider arm = provider(fakeRuntime(ElfHeader.AARCH64), none);
        Probe probe = arm.probe();
        assertFalse(probe.available(), probe.toString());
        assertTrue(probe.reason().contains("internal/linux-arm64/libjniOvApi.so not on the class path")
                && probe.reason().contains("-Djavacpp.platform=linux-arm64"), probe.reason());
        ModelSpec spec = new ModelSpec(ModelFormat.ONNX, temp.resolve("m.onnx"), "input", new long[] {1, 3, 8, 8}, List.of("out"));
        BackendException e = assertThrows(BackendException.class, () -> arm.open(spec, BackendOptions.empty()));
        assertEquals(ErrorCode.RUNTIME_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("linux-arm64/libjniOvApi.so"), e.getMessage());
    }

    @Test
    void libraryBuiltForAnotherProcessorIsUnavailable() throws Exception {
        JniGlue here = here();
        int other = foreign(here);
        Path otherLibs = fakeRuntime(other);
        Probe probe = provider(otherLibs, here).probe();
        assertFalse(probe.available(), probe.toString());
        assertTrue(probe.reason().contains(otherLibs.resolve("libopenvino_c.so") + " is built for " + ElfHeader.name(other)
                + ", but this JVM runs on " + here.platform()), probe.reason());
        Probe right = provider(fakeRuntime(here.elfMachine()), here).probe();
        assertTrue(right.available(), right.reason());
        assertTrue(right.details().get("glue").endsWith(here.resource()), right.details().toString());
    }

    @Test
    void libraryPathOptionIsWhereTheProbeLooks() throws Exception {
        JniGlue here = here();
        Path libs = fakeRuntime(here.elfMachine());
        OpenVinoProvider nowhere = new OpenVinoProvider(new RuntimeLocator(Map.of(), Map.<String, String>of()::get,
                List.of(temp.resolve("no-standard-dir").toString())), here);
        assertFalse(nowhere.probe().available(), "no runtime without the option");
        Probe configured = nowhere.probe(BackendOptions.of(Map.of("libraryPath", libs.toString(), "device", "CPU")));
        assertTrue(configured.available(), configured.reason());
        assertEquals("option libraryPath", configured.details().get("foundBy"));
        Probe wrong = nowhere.probe(BackendOptions.of(Map.of("libraryPath", temp.resolve("empty").toString())));
        assertFalse(wrong.available());
        assertTrue(wrong.reason().contains("given by option libraryPath"), wrong.reason());
        Probe foreignLib = nowhere.probe(BackendOptions.of(Map.of("libraryPath", fakeRuntime(foreign(here)).toString())));
        assertFalse(foreignLib.available(), foreignLib.toString());
    }

    /** The same table as the tensorrt backend's {@code TensorRtProbeTest}: both follow JavaCPP's rule. */
    @Test
    void platformNamesFollowJavaCpp() {
        assertEquals("linux-x86_64", JniGlue.platform("Linux", "amd64", "", ""));
        assertEquals("linux-x86_64", JniGlue.platform("Linux", "x86_64", "", ""));
        assertEquals("linux-arm64", JniGlue.platform("Linux", "aarch64", "", ""));
        assertEquals("linux-arm", JniGlue.platform("Linux", "arm", "", "/usr/lib/jvm/zulu17/lib"));
        assertEquals("linux-armhf", JniGlue.platform("Linux", "arm", "gnueabihf", ""));
        assertEquals("linux-armhf", JniGlue.platform("Linux", "arm", "", "/usr/lib/jvm/java-17-openjdk-armhf/lib"));
        assertEquals("linux-x86", JniGlue.platform("Linux", "i686", "", ""));
        assertEquals("macosx-arm64", JniGlue.platform("Mac OS X", "aarch64", "", ""));
        assertEquals("windows-x86_64", JniGlue.platform("Windows 11", "amd64", "", ""));
    }

    @Test
    void thisJvmsPlatformIsJavaCppsOwnAnswer() {
        assertEquals(org.bytedeco.javacpp.Loader.getPlatform(), JniGlue.forThisJvm().platform());
    }
}
