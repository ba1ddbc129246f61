package io.posegate.gateway.auth;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.config.SecurityConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Everything a router needs to be safe, in one piece any Vert.x server of PoseGate installs first
 * ({@link #install}): the cross-site checks, a body handler for state-changing requests (64 KiB, no
 * upload directory), authentication and roles, and the login routes (with {@link LoginCodeRoute}).
 */
public final class WebSecurity implements AutoCloseable {
    /** The largest request body any route accepts. */
    public static final int MAX_BODY = 64 * 1024;
    private final SecurityConfig config;
    private final ServedHosts hosts;
    private final Authenticator authenticator;
    private final AccessPolicy policy;
    private final boolean tls;

    /**
     * @param bindHost the address the server listens on (decides the served names and whether anonymous viewers are allowed)
     * @param tokens   the accepted tokens
     * @param tls      whether the server speaks HTTPS (the login cookie is then {@code Secure})
     */
    public WebSecurity(Vertx vertx, SecurityConfig config, String bindHost, TokenStore tokens, boolean tls) {
        this.config = requireNonNull(config, "config is null");
        this.hosts = ServedHosts.of(requireNonNull(bindHost, "bindHost is null"), config.allowedHosts());
        this.authenticator = new Authenticator(vertx, tokens, FailedLogins.defaults());
        this.policy = policy(config, ServedHosts.isLoopback(bindHost));
        this.tls = tls;
    }

    /** The access policy of a config on a loopback (or not) bind. */
    public static AccessPolicy policy(SecurityConfig config, boolean loopback) {
        Role anonymous = switch (config.anonymous()) {
            case "viewer" -> Role.VIEWER;
            case "none" -> null;
            default -> loopback || config.insecure() ? Role.VIEWER : null;
        };
        Role metrics = config.metrics().equals("open") ? null : Role.parse(config.metrics());
        return new AccessPolicy(anonymous, metrics);
    }

    /**
     * Why this config must not start on {@code bindHost}, or null when it may: a non-loopback bind needs
     * a configured token unless the config says {@code insecure: true}.
     */
    public static String startupProblem(SecurityConfig config, String bindHost) {
        if (ServedHosts.isLoopback(bindHost) || !config.tokens().isEmpty() || config.insecure()) {
            return null;
        }
        return "refusing to listen on " + bindHost + " (not loopback) with no token configured: add one with "
                + "'posegate token add --role admin --name NAME --config FILE' (it prints the token once and stores its hash), "
                + "or set 'insecure: true' in the config to let anyone on the network watch";
    }

    /** Installs the checks as the router's first handlers, then the login routes, for a dashboard served at {@code /}. */
    public void install(Router router) {
        install(router, "/");
    }

    /**
     * Installs the checks as the router's first handlers, then the login routes; the login URLs that
     * {@link LoginCodeRoute} hands out open {@code loginPage}.
     */
    public void install(Router router, String loginPage) {
        router.route().handler(new CrossSiteGuard(hosts, config.allowedOrigins()));
        BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY);
        router.route().method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH).method(HttpMethod.DELETE)
                .handler(body);
        router.route().handler(new AuthHandler(authenticator, policy));
        new LoginRoutes(authenticator, policy, tls, config.insecure()).mount(router);
        new LoginCodeRoute(authenticator.store().loginCodes(), loginPage).mount(router);
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public AccessPolicy policy() {
        return policy;
    }

    public ServedHosts hosts() {
        return hosts;
    }

    @Override
    public void close() {
        authenticator.close();
    }
}
