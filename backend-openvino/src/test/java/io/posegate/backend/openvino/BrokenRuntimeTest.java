package io.posegate.backend.openvino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import io.posegate.spi.testing.OnnxModelSpecs;
import io.posegate.spi.testing.OnnxTestModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing, fake or incomplete libopenvino_c gives clean errors and never takes the JVM down. */
class BrokenRuntimeTest {
    @TempDir
    Path temp;

    private OpenVinoProvider providerFor(Path dir) {
        return new OpenVinoProvider(new RuntimeLocator(Map.of(), Map.of(RuntimeLocator.PROPERTY, dir.toString())::get,
                List.of()));
    }

    private ModelSpec model() throws Exception {
        return new OnnxModelSpecs().spec(new OnnxTestModel(4).write(temp.resolve("m.onnx")), 16, 24);
    }

    @Test
    void emptyDirectoryIsUnavailableNamingDirectoryAndFile() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("no-openvino"));
        Probe probe = providerFor(dir).probe();
        assertFalse(probe.available());
        assertTrue(probe.reason().contains(dir.toString()) && probe.reason().contains("libopenvino_c.so"), probe.reason());
        BackendException e = assertThrows(BackendException.class, () -> providerFor(dir).open(model(), BackendOptions.empty()));
        assertEquals(ErrorCode.RUNTIME_UNAVAILABLE, e.code());
        assertEquals(probe.reason(), e.getMessage());
    }

    @Test
    void textFileNamedLikeTheLibraryFailsCleanly() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("fake"));
        Path fake = Files.writeString(dir.resolve("libopenvino_c.so"), "this is not a shared library\n");
        Probe probe = providerFor(dir).probe();
        assertFalse(probe.available());
        assertTrue(probe.reason().contains(fake + " is not an ELF shared library"), probe.reason());
        BackendException e = assertThrows(BackendException.class, () -> providerFor(dir).open(model(), BackendOptions.empty()));
        assertEquals(ErrorCode.RUNTIME_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("cannot load " + fake), e.getMessage());
    }

    @Test
    void libraryWithoutTheOpenVinoSymbolsNamesTheMissingOnes() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("stub"));
        Path source = Files.writeString(dir.resolve("stub.c"), "int ov_core_create(void **core) { return -1; }\n");
        Path stub = dir.resolve("libopenvino_c.so");
        assumeTrue(compile(source, stub), "no C compiler (cc) to build the stub library");
        Probe loaded = providerFor(dir).probeLoaded();
        assertFalse(loaded.available());
        assertTrue(loaded.reason().contains("not found in " + stub), loaded.reason());
        BackendException e = assertThrows(BackendException.class, () -> providerFor(dir).open(model(), BackendOptions.empty()));
        assertEquals(ErrorCode.RUNTIME_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("not found in " + stub), e.getMessage());
        assertTrue(e.getMessage().contains("ov_get_openvino_version") && e.getMessage().contains("ov_core_compile_model"),
                e.getMessage());
        assertFalse(e.getMessage().contains("ov_core_create,"), "ov_core_create exists in the stub: " + e.getMessage());
    }

    private static boolean compile(Path source, Path output) throws Exception {
        try {
            Process p = new ProcessBuilder("cc", "-shared", "-fPIC", "-o", output.toString(), source.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
