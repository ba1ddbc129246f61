package io.posegate.gateway.fleet;

import io.posegate.gateway.config.FleetConfig;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.control.ConfigReloader;
import io.posegate.gateway.http.GatewayVerticle;
import io.vertx.config.ConfigRetriever;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Runs the {@link FleetAgent} beside a deployed gateway; undeploying it (or closing Vert.x) announces the
 * box offline and disconnects. Its start does not wait for the broker: a box whose broker is down serves
 * as usual and keeps trying.
 */
public final class FleetVerticle extends VerticleBase {
    private final FleetConfig fleet;
    private final GatewayVerticle gateway;
    private final GatewayConfigLoader loader;
    private final ConfigReloader reloader;
    private FleetAgent agent;

    public FleetVerticle(FleetConfig fleet, GatewayVerticle gateway, GatewayConfigLoader loader, ConfigReloader reloader) {
        this.fleet = fleet;
        this.gateway = gateway;
        this.loader = loader;
        this.reloader = reloader;
    }

    @Override
    public Future<?> start() {
        ConfigRetriever r = loader.retriever(0);
        return r.getConfig().onComplete(x -> r.close())
                .compose(tree -> FleetAgent.start(vertx, fleet, gateway, reloader, tree))
                .onSuccess(a -> agent = a);
    }

    @Override
    public Future<?> stop() {
        return agent == null ? Future.succeededFuture() : agent.stop();
    }

    /** The agent, once started (tests). */
    FleetAgent agent() {
        return agent;
    }
}
