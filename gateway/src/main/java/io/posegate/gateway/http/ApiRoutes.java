package io.posegate.gateway.http;

import io.posegate.gateway.pipeline.Gateway;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;

/**
 * The JSON API under {@code /api}: streams and models ({@link StreamRoutes}), backends and the run-time
 * config ({@link BackendRoutes}). Handlers never block: anything that may (opening a backend, starting a
 * source) runs on the named worker pool {@code posegate-control} ({@link ApiReplies#blocking}).
 */
final class ApiRoutes {
    private final StreamRoutes streams;
    private final BackendRoutes backends;

    ApiRoutes(Gateway gateway, WsHub hub, PreviewViewers previews, WorkerExecutor control, OrphanedWebcams orphans,
              UnreadFeedSockets feedSockets) {
        this.streams = new StreamRoutes(gateway, hub, previews, control, orphans, feedSockets);
        this.backends = new BackendRoutes(gateway, control);
    }

    void mount(Router router) {
        // bodies are read (64 KiB at most, no upload directory) by WebSecurity's body handler, installed first
        router.get("/api/streams").handler(streams::streams);
        router.get("/api/streams/:id").handler(streams::stream);
        router.put("/api/streams/:id").handler(streams::putStream);
        router.delete("/api/streams/:id").handler(streams::deleteStream);
        router.get("/api/backends").handler(backends::backends);
        router.get("/api/model").handler(streams::model);
        router.get("/api/config").handler(backends::config);
        router.put("/api/config").handler(backends::putConfig);
    }
}
