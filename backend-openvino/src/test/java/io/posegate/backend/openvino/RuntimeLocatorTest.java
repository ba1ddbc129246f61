package io.posegate.backend.openvino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search order and what the locator reports; needs no OpenVINO (it only looks at files). */
class RuntimeLocatorTest {
    @TempDir
    Path temp;

    private RuntimeLocator locator(Map<String, String> env, Map<String, String> props, String... standard) {
        return new RuntimeLocator(env, props::get, List.of(standard));
    }

    private Path library(String dir, String fileName) throws IOException {
        Path d = Files.createDirectories(temp.resolve(dir));
        return Files.writeString(d.resolve(fileName), "not really a library");
    }

    @Test
    void propertyDirectoryWithoutLibraryNamesTheDirectoryAndTheFile() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        library("std", "libopenvino_c.so");
        RuntimeLocator.Result r = locator(Map.of(), Map.of(RuntimeLocator.PROPERTY, empty.toString()),
                temp.resolve("std").toString()).locate(null);
        assertFalse(r.found());
        assertTrue(r.reason().contains("libopenvino_c.so not found in " + empty), r.reason());
        assertTrue(r.reason().contains("system property posegate.openvino.libs"), r.reason());
    }

    @Test
    void environmentVariableComesFirstThenOptionThenProperty() throws IOException {
        Path fromEnv = library("env", "libopenvino_c.so.2641");
        Path fromOption = library("option", "libopenvino_c.so");
        Path fromProperty = library("prop", "libopenvino_c.so");
        Map<String, String> props = Map.of(RuntimeLocator.PROPERTY, fromProperty.getParent().toString());
        RuntimeLocator withEnv = locator(Map.of(RuntimeLocator.ENV, fromEnv.getParent().toString()), props);
        assertEquals(fromEnv, withEnv.locate(fromOption.getParent().toString()).location().library());
        assertEquals("environment variable POSEGATE_OPENVINO_LIBS", withEnv.locate(null).location().source());
        RuntimeLocator noEnv = locator(Map.of(), props);
        assertEquals(fromOption, noEnv.locate(fromOption.getParent().toString()).location().library());
        assertEquals(fromProperty, noEnv.locate(null).location().library());
    }

    @Test
    void versionComesFromThePipSuffixOfTheFileName() throws IOException {
        Path lib = library("env", "libopenvino_c.so.2641");
        RuntimeLocator.Result r = locator(Map.of(RuntimeLocator.ENV, lib.getParent().toString()), Map.of()).locate(null);
        assertEquals("2026.4.1", r.location().version());
    }

    @Test
    void standardLocationsAreGlobbedAndPluginsListed() throws IOException {
        Path lib = library("opt/intel/openvino_2022.3.0/runtime/lib/intel64", "libopenvino_c.so.2022.3.0");
        Files.writeString(lib.resolveSibling("libopenvino_intel_cpu_plugin.so"), "");
        Files.writeString(lib.resolveSibling("libopenvino_intel_myriad_plugin.so"), "");
        RuntimeLocator.Result r = locator(Map.of(), Map.of(),
                temp.resolve("nothing-here").toString(), temp + "/opt/intel/openvino*/runtime/lib/intel64").locate(null);
        assertTrue(r.found(), r.reason());
        assertEquals(lib, r.location().library());
        assertEquals("2022.3.0", r.location().version());
        assertEquals(List.of("CPU", "MYRIAD"), r.location().plugins());
        assertTrue(r.location().source().startsWith("standard location"), r.location().source());
    }

    @Test
    void pipPackageInPosegateVenvIsFoundWithItsDistInfoVersion() throws IOException {
        Path site = temp.resolve("home/.cache/posegate/openvino-venv/lib/python3.11/site-packages");
        Path lib = library(temp.relativize(site.resolve("openvino/libs")).toString(), "libopenvino_c.so.2641");
        Files.createDirectories(site.resolve("openvino-2026.4.1.dist-info"));
        RuntimeLocator.Result r = locator(Map.of(), Map.of("user.home", temp.resolve("home").toString()),
                temp.resolve("no-standard").toString()).locate(null);
        assertTrue(r.found(), r.reason());
        assertEquals(lib, r.location().library());
        assertEquals("2026.4.1", r.location().version());
        assertTrue(r.location().source().startsWith("pip package in " + site), r.location().source());
    }

    @Test
    void nothingFoundListsWhereItLooked() {
        String standard = temp.resolve("no-standard").toString();
        RuntimeLocator.Result r = locator(Map.of(), Map.of("user.home", temp.resolve("nohome").toString()), standard)
                .locate(null);
        assertNull(r.location());
        assertTrue(r.reason().startsWith("libopenvino_c.so not found; looked in: " + standard), r.reason());
        assertTrue(r.reason().contains("nohome/.cache/posegate/openvino-venv/lib/python3*/site-packages"), r.reason());
    }
}
