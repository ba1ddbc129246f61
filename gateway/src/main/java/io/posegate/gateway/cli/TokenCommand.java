package io.posegate.gateway.cli;

import io.posegate.gateway.auth.Role;
import io.posegate.gateway.auth.TokenHash;
import io.posegate.gateway.auth.Tokens;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code posegate token add|list|revoke}: API tokens, stored in the config as PBKDF2 hashes only. */
@Command(name = "token", description = "Manage API tokens (the config stores only their hashes).",
        subcommands = {TokenCommand.Add.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** The shared {@code --config} option. */
    static class ConfigOption {
        @Option(names = "--config", description = "Config file (default: ${DEFAULT-VALUE}).", defaultValue = "config/gateway.yaml")
        Path config;
    }

    @Command(name = "add", description = "Create a token: prints it once and stores only its hash in the config.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--role", required = true, description = "admin or viewer.")
        String role;
        @Option(names = "--name", required = true, description = "A name for the token (letters, digits, '_', '.', '-').")
        String name;
        @picocli.CommandLine.Mixin
        ConfigOption options = new ConfigOption();

        @Override
        public Integer call() throws Exception {
            Role r = Role.parse(role);
            if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
                throw new IllegalArgumentException("--name '" + name + "' must be 1-64 letters, digits, '_', '.', '-'");
            }
            Tokens.Issued t = Tokens.newToken();
            new TokenConfigFile(options.config).add(name, r.label(), t.id(), TokenHash.hash(t.token()));
            spec.commandLine().getOut().println(t.token());
            spec.commandLine().getErr().println("token '" + name + "' (" + r.label() + ") added to " + options.config
                    + "; only its hash is stored: keep the token above, it is not shown again");
            return 0;
        }
    }

    @Command(name = "list", description = "List the tokens in the config (names, roles, ids; never the tokens).")
    static final class ListTokens implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Mixin
        ConfigOption options = new ConfigOption();

        @Override
        public Integer call() {
            JsonObject tokens = new TokenConfigFile(options.config).tokens();
            if (tokens.isEmpty()) {
                spec.commandLine().getErr().println("no tokens in " + options.config + " ('posegate token add' creates one)");
            }
            for (String name : tokens.fieldNames()) {
                JsonObject t = tokens.getJsonObject(name, new JsonObject());
                spec.commandLine().getOut().println(name + "\t" + t.getValue("role") + "\tpgt_" + t.getValue("id") + "_…");
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Remove a token from the config; a running gateway stops accepting it.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "The token's name.")
        String name;
        @picocli.CommandLine.Mixin
        ConfigOption options = new ConfigOption();

        @Override
        public Integer call() throws Exception {
            if (!new TokenConfigFile(options.config).revoke(name)) {
                spec.commandLine().getErr().println("error: no token named '" + name + "' in " + options.config);
                return 1;
            }
            spec.commandLine().getErr().println("token '" + name + "' revoked in " + options.config);
            return 0;
        }
    }
}
