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
import java.util.logging.Logger;

/** The hub: connects to the broker, then serves its page and API. Its start chain completes once both are up. */
public final class HubVerticle extends VerticleBase {
    private static final Logger LOG = Logger.getLogger(HubVerticle.class.getName());
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
        return hub.start()
                .compose(v -> vertx.createHttpServer().requestHandler(router).listen(port, host))
                .onSuccess(s -> {
                    server = s;
                    LOG.info("PoseGate hub on http://" + host + ":" + s.actualPort() + "/ (broker " + broker.broker() + ")");
                });
    }

    @Override
    public Future<?> stop() {
        if (hub != null) {
            hub.close();
        }
        if (web != null) {
            web.close();
        }
        return Future.succeededFuture();
    }
}
