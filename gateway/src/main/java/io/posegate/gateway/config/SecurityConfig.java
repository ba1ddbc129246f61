package io.posegate.gateway.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Who may do what, from where: tokens, the cross-site checks, connection bounds and TLS. Built by
 * {@link SecurityConfigs} from the top-level {@code insecure} and {@code auth} keys and the security
 * fields of {@code http}. See {@code docs/security.md}.
 *
 * @param insecure                 allows a non-loopback bind with no configured token (anonymous viewers)
 * @param authConfigured           whether the file has an {@code auth:} section at all
 * @param anonymous                what a request without credentials may do: {@code viewer} or {@code none};
 *                                 {@code auto} means viewer on a loopback bind (or when insecure), else none
 * @param metrics                  who may read {@code /metrics}: {@code open}, {@code viewer} or {@code admin}
 * @param tokens                   the configured tokens, hashes only
 * @param allowedHosts             extra names the gateway serves (checked against {@code Host})
 * @param allowedOrigins           extra origins allowed to change state and open {@code /ws}
 * @param maxConnectionsPerAddress open connections allowed per client address
 * @param headerTimeoutSeconds     a connection that has not sent a complete request header in this time is closed
 * @param wsIdleSeconds            WebSocket ping interval; a client silent for twice this is closed
 * @param tls                      PEM files to serve HTTPS from, or null for plain HTTP
 */
public record SecurityConfig(boolean insecure, boolean authConfigured, String anonymous, String metrics,
                             List<Token> tokens, List<String> allowedHosts, List<String> allowedOrigins,
                             int maxConnectionsPerAddress, int headerTimeoutSeconds, int wsIdleSeconds, Tls tls) {
    /** The roles a token can have, weakest first. */
    public static final List<String> ROLES = List.of("viewer", "admin");

    public SecurityConfig {
        tokens = List.copyOf(tokens);
        allowedHosts = List.copyOf(allowedHosts);
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** Defaults: no tokens, anonymous {@code auto}, metrics for viewers, plain HTTP. */
    public static SecurityConfig defaults() {
        return new SecurityConfig(false, false, "auto", "viewer", List.of(), List.of(), List.of(), 64, 10, 30, null);
    }

    /**
     * One token, as the config stores it.
     *
     * @param name a label for people ({@code posegate token revoke NAME})
     * @param role {@code viewer} or {@code admin}
     * @param id   the token's public prefix, to find its hash without trying every one
     * @param hash {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (base64), never the token
     */
    public record Token(String name, String role, String id, String hash) {
    }

    /** TLS from PEM files, reloaded when they change. */
    public record Tls(Path cert, Path key) {
    }
}
