package io.posegate.gateway.http;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.metrics.GatewayMeters;
import io.posegate.gateway.metrics.PoseMetrics;
import io.posegate.gateway.pipeline.Gateway;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;

/**
 * The operator and dashboard routes added beside {@code /api}: {@code /metrics} (Prometheus text),
 * {@code /health}, {@code /ready}, and the MJPEG preview under {@code /api/streams/{id}/}. Owns the worker
 * pools {@code posegate-ops} and {@code posegate-jpeg} they block on, and the gateway's meters (which count at the event).
 * Created and closed by {@link GatewayVerticle} on its event loop.
 */
final class OpsRoutes implements AutoCloseable {
    private final Vertx vertx;
    private final WorkerExecutor worker;
    private final WorkerExecutor jpeg;
    private final GatewayMeters meters;

    private OpsRoutes(Vertx vertx, Gateway gateway, WsHub hub) {
        this.vertx = vertx;
        this.worker = vertx.createSharedWorkerExecutor("posegate-ops", 2);
        this.jpeg = vertx.createSharedWorkerExecutor("posegate-jpeg", 2);
        this.meters = new GatewayMeters(PoseMetrics.registry(), gateway, hub, PoseMetrics.stages());
    }

    /** Mounts the routes on {@code router}; close the result when the verticle stops. */
    static OpsRoutes mount(Vertx vertx, Router router, Gateway gateway, WsHub hub, TokenBoundConnections tokenBound,
                           FleetReadiness fleet, PreviewViewers previews) {
        requireNonNull(router, "router is null");
        OpsRoutes ops = new OpsRoutes(requireNonNull(vertx, "vertx is null"), requireNonNull(gateway, "gateway is null"),
                requireNonNull(hub, "hub is null"));
        new MetricsRoutes(ops.worker).mount(router);
        new HealthRoutes(vertx, gateway, ops.worker, fleet).mount(router);
        new MjpegRoutes(vertx, gateway, ops.jpeg, tokenBound, previews).mount(router);
        return ops;
    }

    @Override
    public void close() {
        meters.close();
        worker.close();
        jpeg.close();
    }
}
