package io.posegate.gateway.auth;

import static java.util.Objects.requireNonNull;

/**
 * Who made a request: the token's name and role, or {@link #anonymous} for a request without
 * credentials that the policy lets through.
 */
public record Principal(String name, Role role) {
    public Principal {
        requireNonNull(name, "name is null");
        requireNonNull(role, "role is null");
    }

    public static Principal anonymous(Role role) {
        return new Principal("anonymous", role);
    }
}
