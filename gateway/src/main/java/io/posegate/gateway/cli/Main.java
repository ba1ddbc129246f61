package io.posegate.gateway.cli;

import io.posegate.gateway.security.Redaction;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar posegate.jar COMMAND}: the PoseGate command line. */
@Command(name = "posegate", mixinStandardHelpOptions = true, version = "PoseGate 0.1.0",
        description = "Edge gateway for real-time multi-person pose estimation.",
        subcommands = {RunCommand.class, LoginUrlCommand.class, TokenCommand.class, BackendsCommand.class, InferCommand.class, GroupCommand.class, EvalTrackingCommand.class, BenchCommand.class,
                HubCommand.class, InstallOpenVinoCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command and returns its exit code (tests call this). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for callers that redirect its output. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        addHelpOption(cl);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // a message may quote a camera URL, a broker URL or a token: redacted like every log line
            cmd.getErr().println("error: " + Redaction.text(e.getMessage() == null ? e.toString() : e.getMessage()));
            return 2;
        });
        return cl;
    }

    /**
     * Gives every subcommand, at any depth, {@code -h}/{@code --help} (print its usage, exit 0) unless it has its own.
     * Not {@code mixinStandardHelpOptions}: that would add {@code --version}, which {@code install-openvino} uses.
     */
    private static void addHelpOption(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null && spec.findOption("-h") == null) {
                spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            addHelpOption(sub);
        }
    }
}
