package io.posegate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code posegate backends} probes each backend with the options given as {@code --option BACKEND.KEY=VALUE}. */
class BackendsCommandTest {
    @TempDir
    Path dir;

    private static String line(String out, String backend) {
        return Arrays.stream(out.split("\n")).filter(l -> l.startsWith(backend + " ")).findFirst().orElse("(no line for " + backend + ")\n" + out);
    }

    @Test
    void theOpenVinoProbeLooksWhereLibraryPathSays() {
        Path nowhere = dir.resolve("no-openvino-here");
        CliRunner.Result r = CliRunner.run("backends", "--option", "openvino.libraryPath=" + nowhere);
        assertEquals(0, r.code(), r.err());
        String openvino = line(r.out(), "openvino");
        assertTrue(openvino.contains("unavailable") && openvino.contains(nowhere.toString()), openvino);
    }

    @Test
    void anOptionWithoutAKnownBackendIsAUsageError() {
        CliRunner.Result bare = CliRunner.run("backends", "--option", "libraryPath=/x");
        assertEquals(2, bare.code(), bare.out());
        assertTrue(bare.err().contains("write BACKEND.KEY=VALUE"), bare.err());
        CliRunner.Result typo = CliRunner.run("backends", "--option", "openvnio.libraryPath=/x");
        assertEquals(2, typo.code(), typo.out());
        assertTrue(typo.err().contains("unknown backend 'openvnio'") && typo.err().contains("openvino"), typo.err());
    }
}
