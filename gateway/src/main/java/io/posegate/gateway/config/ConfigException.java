package io.posegate.gateway.config;

import java.util.List;

/** A config or descriptor that cannot be used, with every problem found, each naming its field path. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public ConfigException(String what, List<String> problems) {
        super(what + " has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
