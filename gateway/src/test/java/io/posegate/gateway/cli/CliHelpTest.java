package io.posegate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} and {@code -h} print the usage of every subcommand, at any depth, and exit 0 (nothing is run). */
class CliHelpTest {
    /** Every subcommand's path below {@code posegate}, e.g. [run], [token, add], [bench, pipeline]. */
    private static void paths(CommandLine command, List<String> prefix, List<List<String>> out) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) {
                return; // an alias
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(name);
            out.add(path);
            paths(sub, path, out);
        });
    }

    @Test
    void everySubcommandAcceptsHelp() {
        List<List<String>> all = new ArrayList<>();
        paths(Main.commandLine(), List.of(), all);
        assertTrue(all.contains(List.of("run")) && all.contains(List.of("token", "add")) && all.contains(List.of("hub", "bench"))
                && all.contains(List.of("install-openvino")), "subcommands found: " + all);
        for (List<String> path : all) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
                String what = String.join(" ", args) + ": " + r.err();
                assertEquals(0, r.code(), what);
                assertTrue(r.out().contains("Usage: posegate " + String.join(" ", path) + " "), what + "\n" + r.out());
                assertFalse(r.err().contains("Unknown option"), what);
            }
        }
    }

    @Test
    void installOpenVinoKeepsItsOwnVersionOption() {
        CliRunner.Result r = CliRunner.run("install-openvino", "--help");
        assertTrue(r.out().contains("--version") && r.out().contains("openvino version on PyPI"), r.out());
    }
}
