package io.posegate.gateway.hub;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.auth.TokenStore;
import io.posegate.gateway.auth.WebSecurity;
import io.posegate.gateway.config.SecurityConfig;
import io.posegate.gateway.fleet.MqttConnections;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The hub: connects to the broker, then serves its page and API on its own context (so the routes and the
 * rollout ticker share one event loop). Its start chain completes once both are up, and fails with the
 * reason when the broker refuses the hub's credentials or cannot be reached within {@link #CONNECT_DEADLINE}.
 * Undeploying it closes the server and disconnects.
 */
public final class HubVerticle extends VerticleBase {
    private static final Logger LOG = Logger.getLogger(HubVerticle.class.getName());
    /** How long start waits for the first connection to the broker. */
    public static final Duration CONNECT_DEADLINE = Duration.ofSeconds(30);
    private final MqttConnections.Settings broker;
    private final String host;
    private final int port;
    private final SecurityConfig security;
    private final TokenStore tokens;
    private FleetHub hub;
    private HttpServer server;
    private WebSecurity web;
    private Router router;

    /**
     * @param security the gateway's security settings (the {@code auth:} section, {@code insecure}, allowed hosts and origins)
     * @param tokens   the accepted tokens: reads need a viewer token off loopback, every change an admin token
     */
    public HubVerticle(MqttConnections.Settings broker, String host, int port, SecurityConfig security, TokenStore tokens) {
        this.broker = broker;
        this.host = host;
        this.port = port;
        this.security = requireNonNull(security, "security is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
    }

    /** The router, once started: every route the hub answers (tests enumerate it). */
    public Router router() {
        return router;
    }

    /** The accepted tokens. */
    public TokenStore tokens() {
        return tokens;
    }

    public FleetHub hub() {
        return hub;
    }

    public int actualPort() {
        return server.actualPort();
    }

    @Override
    public Future<?> start() {
        String problem = WebSecurity.startupProblem(security, host);
        if (problem != null) {
            return Future.failedFuture(new IllegalStateException(problem));
        }
        hub = new FleetHub(context, broker);
        web = new WebSecurity(vertx, security, host, tokens, false);
        router = HubRouter.create(vertx, hub, web);
        return hub.start(CONNECT_DEADLINE)
                .compose(v -> vertx.createHttpServer().requestHandler(router).listen(port, host))
                .onSuccess(s -> {
                    server = s;
                    LOG.info("PoseGate hub on http://" + host + ":" + s.actualPort() + "/ (broker " + broker.broker() + ")");
                });
    }

    @Override
    public Future<?> stop() {
        if (web != null) {
            web.close();
        }
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        Future<Void> disconnected = hub == null ? Future.succeededFuture() : hub.stop();
        return Future.join(closed, disconnected);
    }
}
