package io.posegate.gateway.http;

import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.PoseFrameJson;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.posegate.gateway.auth.TokenStore;
import io.posegate.gateway.auth.WebSecurity;
import io.posegate.gateway.config.SecurityConfig;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.logging.Logger;

/**
 * The HTTP face of the gateway: the dashboard, {@code /api/*}, and the {@code /ws} pose stream. Its
 * start chain starts the gateway on the named worker pool {@code posegate-control}, mounts the routes and
 * binds the server. Pose frames arrive on the event bus address {@value #POSES} and are fanned out by
 * one {@link WsHub} on this verticle's event loop. Open {@code /ws} sockets and MJPEG previews whose token a
 * reload of {@link #tokens} drops are cut ({@link TokenBoundConnections}).
 */
public final class GatewayVerticle extends VerticleBase {
    /** All streams' pose frames (encoded JSON text, header {@code stream}); also {@code posegate.poses.<stream>}. */
    public static final String POSES = "posegate.poses";
    private static final Logger LOG = Logger.getLogger(GatewayVerticle.class.getName());

    private final Gateway gateway;
    private final WebcamHub webcams;
    private final TokenStore tokens;
    private final String generatedAdminToken;
    private final FleetReadiness fleetReadiness;
    private WebSecurity security;
    private long tlsWatch = -1;
    private long orphanWatch = -1;
    private volatile OrphanedWebcams orphans;
    private UnreadFeedSockets feedSockets;
    private volatile java.util.function.Predicate<String> managed;
    private WsHub hub;
    private TokenBoundConnections tokenBound;
    private final PreviewViewers previews = new PreviewViewers();
    private WorkerExecutor control;
    private OpsRoutes ops;
    private HttpServer server;
    private Router router;

    /**
     * @param tokens              the tokens the server accepts
     * @param generatedAdminToken the admin token made for this run when the config has none, else null
     */
    public GatewayVerticle(Gateway gateway, WebcamHub webcams, TokenStore tokens, String generatedAdminToken) {
        this.gateway = gateway;
        this.webcams = webcams;
        this.tokens = tokens;
        this.generatedAdminToken = generatedAdminToken;
        this.fleetReadiness = new FleetReadiness(gateway.config().fleet().enabled());
    }

    /** The open MJPEG previews and their encode loops (tests in this package). */
    PreviewViewers previews() {
        return previews;
    }

    /** Where the fleet agent reports its broker connection for {@code /ready}'s {@code fleet} check. */
    public FleetReadiness fleetReadiness() {
        return fleetReadiness;
    }

    /** The admin token generated at start because the config has no token, or null. */
    public String generatedAdminToken() {
        return generatedAdminToken;
    }

    /**
     * A new single-use login code for the generated admin token ({@link io.posegate.gateway.auth.LoginCodes}: valid
     * once, for {@code LoginCodes.LIFETIME}), as the login URL of {@code posegate run} carries it.
     *
     * @throws IllegalStateException when the config has tokens (none was generated)
     */
    public String newLoginCode() {
        if (generatedAdminToken == null) {
            throw new IllegalStateException("no admin token was generated for this run: the config has tokens");
        }
        return tokens.loginCodes().issue(generatedAdminToken);
    }

    /** The accepted tokens; a config reload replaces them here. */
    public TokenStore tokens() {
        return tokens;
    }

    /**
     * Says which streams the config reloader manages (from the config file or a fleet desired config): a webcam stream
     * among them is never removed as orphaned, even after a {@code PUT} replaced it. Until this is called, the streams
     * of the config the gateway started with count as managed. {@code managed} is asked on an event loop: it must not
     * block.
     */
    public void managedStreams(java.util.function.Predicate<String> managed) {
        this.managed = managed;
        if (orphans != null) {
            orphans.managed(managed);
        }
    }

    /** The webcam feeds (tests in this package). */
    WebcamHub webcams() {
        return webcams;
    }

    /** The webcam streams added through the API that are removed once no browser feeds them (tests in this package). */
    OrphanedWebcams orphans() {
        return orphans;
    }

    /** Closes the feeding sockets of a webcam feed no stream reads any more (tests in this package). */
    UnreadFeedSockets feedSockets() {
        return feedSockets;
    }

    /** The port the server is bound to (useful with port 0). */
    public int actualPort() {
        return server.actualPort();
    }

    /** The router, once started: every route the server answers (tests enumerate it). */
    public Router router() {
        return router;
    }

    public Gateway gateway() {
        return gateway;
    }

    public WsHub hub() {
        return hub;
    }

    /** The open connections tracked for revocation (tests). */
    TokenBoundConnections tokenBound() {
        return tokenBound;
    }

    @Override
    public Future<?> start() {
        SecurityConfig sec = gateway.config().security();
        String host = gateway.config().http().host();
        String problem = WebSecurity.startupProblem(sec, host);
        if (problem != null) {
            return Future.failedFuture(new IllegalStateException(problem));
        }
        hub = new WsHub(gateway.config().http().wsQueue());
        control = vertx.createSharedWorkerExecutor("posegate-control", 2);
        security = new WebSecurity(vertx, sec, host, tokens, sec.tls() != null);
        ConnectionGuard connections = new ConnectionGuard(sec.maxConnectionsPerAddress(), sec.headerTimeoutSeconds());
        vertx.eventBus().<String>localConsumer(POSES, m -> hub.broadcast(m.headers().get("stream"), m.body()));
        router = Router.router(vertx);
        JsonFailures.install(router);
        router.route().handler(connections.requestHandler());
        security.install(router);
        java.util.Set<String> configured = gateway.config().streams().stream()
                .map(io.posegate.gateway.config.GatewayConfig.StreamConfig::id).collect(java.util.stream.Collectors.toSet());
        orphans = new OrphanedWebcams(gateway, webcams, control, gateway.config().sources().webcamOrphan(),
                managed != null ? managed : configured::contains);
        orphanWatch = orphans.start(vertx);
        WebcamReaders readers = new WebcamReaders(gateway::streams);
        feedSockets = new UnreadFeedSockets(gateway, webcams, readers);
        new ApiRoutes(gateway, hub, previews, control, orphans, feedSockets).mount(router);
        tokenBound = new TokenBoundConnections(tokens);
        ops = OpsRoutes.mount(vertx, router, gateway, hub, tokenBound, fleetReadiness, previews);
        new WsEndpoint(vertx, hub, webcams, readers, security.authenticator(), tokenBound, this::hello,
                sec.wsIdleSeconds()).mount(router);
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
        HttpServerOptions options = connections.apply(WsLimits.apply(new HttpServerOptions()));
        TlsFiles tls = sec.tls() == null ? null : new TlsFiles(sec.tls());
        return control.executeBlocking(() -> {
            gateway.listen(feedSockets); // takes the gateway's lock: on the control pool, before the streams start
            gateway.start();
            return tls == null ? options : tls.apply(options);
        }, false).compose(o -> vertx.createHttpServer(o)
                .connectionHandler(c -> {
                    connections.onConnection(c);
                    WsInflateLimit.install(c, WsLimits.MAX_MESSAGE, o.getWebSocketCompressionLevel());
                })
                .requestHandler(router)
                .listen(gateway.config().http().port(), host))
                .onSuccess(s -> {
                    server = s;
                    if (tls != null) {
                        tlsWatch = tls.watch(vertx, s);
                    }
                    LOG.info("PoseGate listening on " + (tls == null ? "http" : "https") + "://" + host + ":" + s.actualPort()
                            + (gateway.descriptor().demo() ? "  (DEMO MODE: synthetic scene, simulated backend)" : ""));
                    if (sec.insecure()) {
                        LOG.warning("INSECURE: 'insecure: true' in the config; anyone who can reach " + host
                                + " may watch without a token (changes still need the admin token)");
                    }
                });
    }

    private JsonObject hello() {
        JsonArray streams = new JsonArray();
        JsonObject topologies = new JsonObject();
        for (StreamPipeline s : gateway.streams()) {
            streams.add(s.id());
            topologies.put(s.id(), JsonViews.topology(gateway.descriptorOf(s.id())));
        }
        return new JsonObject().put("v", PoseFrameJson.VERSION).put("type", "hello").put("streams", streams)
                .put("model", gateway.descriptor().name()).put("demo", gateway.descriptor().demo()).put("topologies", topologies);
    }

    @Override
    public Future<?> stop() {
        if (ops != null) {
            ops.close();
        }
        vertx.cancelTimer(tlsWatch);
        vertx.cancelTimer(orphanWatch);
        if (feedSockets != null) {
            gateway.unlisten(feedSockets);
        }
        if (tokenBound != null) {
            tokenBound.close();
        }
        if (security != null) {
            security.close();
        }
        return control.executeBlocking(() -> {
            gateway.close();
            return null;
        }, false).eventually(() -> control.close());
    }
}
