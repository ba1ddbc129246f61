package io.posegate.gateway.http;

import io.posegate.gateway.ingest.webcam.WebcamHub;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.PoseFrameJson;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.logging.Logger;

/**
 * The HTTP face of the gateway: the dashboard, {@code /api/*}, and the {@code /ws} pose stream. Its
 * start chain starts the gateway on the named worker pool {@code posegate-control}, mounts the routes and
 * binds the server. Pose frames arrive on the event bus address {@value #POSES} and are fanned out by
 * one {@link WsHub} on this verticle's event loop.
 */
public final class GatewayVerticle extends VerticleBase {
    /** All streams' pose frames (encoded JSON text, header {@code stream}); also {@code posegate.poses.<stream>}. */
    public static final String POSES = "posegate.poses";
    private static final Logger LOG = Logger.getLogger(GatewayVerticle.class.getName());

    private final Gateway gateway;
    private final WebcamHub webcams;
    private WsHub hub;
    private WorkerExecutor control;
    private OpsRoutes ops;
    private HttpServer server;

    public GatewayVerticle(Gateway gateway, WebcamHub webcams) {
        this.gateway = gateway;
        this.webcams = webcams;
    }

    /** The port the server is bound to (useful with port 0). */
    public int actualPort() {
        return server.actualPort();
    }

    public Gateway gateway() {
        return gateway;
    }

    public WsHub hub() {
        return hub;
    }

    @Override
    public Future<?> start() {
        hub = new WsHub(gateway.config().http().wsQueue());
        control = vertx.createSharedWorkerExecutor("posegate-control", 2);
        vertx.eventBus().<String>localConsumer(POSES, m -> hub.broadcast(m.headers().get("stream"), m.body()));
        Router router = Router.router(vertx);
        new ApiRoutes(gateway, hub, control).mount(router);
        ops = OpsRoutes.mount(vertx, router, gateway, hub);
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
        return control.executeBlocking(() -> {
            gateway.start();
            return null;
        }, false).compose(v -> vertx.createHttpServer()
                .webSocketHandler(ws -> {
                    if (!"/ws".equals(ws.path())) {
                        ws.close((short) 1008, "no WebSocket at " + ws.path() + "; use /ws");
                        return;
                    }
                    hub.accept(ws, this::hello);
                    WebcamSocket.attach(ws, webcams);
                })
                .requestHandler(router)
                .listen(gateway.config().http().port(), gateway.config().http().host()))
                .onSuccess(s -> {
                    server = s;
                    LOG.info("PoseGate listening on http://" + gateway.config().http().host() + ":" + s.actualPort()
                            + (gateway.descriptor().demo() ? "  (DEMO MODE: synthetic scene, simulated backend)" : ""));
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
        return control.executeBlocking(() -> {
            gateway.close();
            return null;
        }, false).eventually(() -> control.close());
    }
}
