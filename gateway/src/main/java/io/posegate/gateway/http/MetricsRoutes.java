package io.posegate.gateway.http;

import io.posegate.gateway.metrics.PoseMetrics;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /metrics}: every meter of {@link PoseMetrics#registry()} in the Prometheus text format
 * (version 0.0.4), rendered on a worker thread. The meters count at the event, so a scrape only reads them.
 */
final class MetricsRoutes {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final WorkerExecutor worker;

    MetricsRoutes(WorkerExecutor worker) {
        this.worker = worker;
    }

    void mount(Router router) {
        router.get("/metrics").handler(this::scrape);
    }

    private void scrape(RoutingContext ctx) {
        worker.executeBlocking(() -> PoseMetrics.registry().scrape(), false).onComplete(r -> {
            if (r.succeeded()) {
                ctx.response().putHeader("content-type", CONTENT_TYPE).end(r.result());
            } else {
                ctx.response().setStatusCode(500).putHeader("content-type", "text/plain")
                        .end("metrics scrape failed: " + r.cause().getMessage() + "\n");
            }
        });
    }
}
