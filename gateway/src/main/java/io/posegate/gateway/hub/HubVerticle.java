package io.posegate.gateway.hub;

import io.posegate.gateway.fleet.MqttConnections;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import java.util.logging.Logger;

/** The hub: connects to the broker, then serves its page and API. Its start chain completes once both are up. */
public final class HubVerticle extends VerticleBase {
    private static final Logger LOG = Logger.getLogger(HubVerticle.class.getName());
    private final MqttConnections.Settings broker;
    private final String host;
    private final int port;
    private FleetHub hub;
    private HttpServer server;

    public HubVerticle(MqttConnections.Settings broker, String host, int port) {
        this.broker = broker;
        this.host = host;
        this.port = port;
    }

    public FleetHub hub() {
        return hub;
    }

    public int actualPort() {
        return server.actualPort();
    }

    @Override
    public Future<?> start() {
        hub = new FleetHub(context, broker);
        return hub.start()
                .compose(v -> vertx.createHttpServer().requestHandler(HubRouter.create(vertx, hub)).listen(port, host))
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
        return Future.succeededFuture();
    }
}
