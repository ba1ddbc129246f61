package io.posegate.gateway.http;

import static io.posegate.gateway.http.ApiReplies.error;

import io.posegate.gateway.config.FieldReader;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/** {@code /api/streams} (list, show, add or replace, remove) and {@code /api/model} (which model each stream runs). */
final class StreamRoutes {
    private final Gateway gateway;
    private final WsHub hub;
    private final PreviewViewers previews;
    private final WorkerExecutor control;
    private final OrphanedWebcams orphans;
    private final UnreadFeedSockets feedSockets;

    StreamRoutes(Gateway gateway, WsHub hub, PreviewViewers previews, WorkerExecutor control, OrphanedWebcams orphans,
                 UnreadFeedSockets feedSockets) {
        this.orphans = orphans;
        this.feedSockets = feedSockets;
        this.gateway = gateway;
        this.hub = hub;
        this.previews = previews;
        this.control = control;
    }

    void streams(RoutingContext ctx) {
        JsonArray a = new JsonArray();
        for (StreamPipeline s : gateway.streams()) {
            a.add(view(s));
        }
        ctx.json(new JsonObject().put("streams", a));
    }

    /** The gateway's model and which model each stream runs; {@code ?stream=ID} gives that stream's model. */
    void model(RoutingContext ctx) {
        String id = ctx.queryParams().get("stream");
        if (id != null) {
            if (gateway.stream(id) == null) {
                error(ctx, 404, "no stream '" + id + "'");
            } else {
                ctx.json(JsonViews.model(gateway.descriptorOf(id)));
            }
            return;
        }
        JsonObject streams = new JsonObject();
        for (StreamPipeline s : gateway.streams()) {
            streams.put(s.id(), gateway.descriptorOf(s.id()).name());
        }
        ctx.json(JsonViews.model(gateway.descriptor()).put("streams", streams));
    }

    void stream(RoutingContext ctx) {
        StreamPipeline s = gateway.stream(ctx.pathParam("id"));
        if (s == null) {
            error(ctx, 404, "no stream '" + ctx.pathParam("id") + "'");
        } else {
            ctx.json(view(s));
        }
    }

    void putStream(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject body = ApiReplies.body(ctx);
        if (body == null) {
            return;
        }
        List<String> errors = new ArrayList<>();
        GatewayConfig.StreamConfig sc = GatewayConfigs.parseStream(id, new FieldReader(body, "streams." + id, errors), errors);
        if (!errors.isEmpty()) {
            ctx.response().setStatusCode(400);
            ctx.json(new JsonObject().put("error", "invalid stream").put("problems", new JsonArray(errors)));
            return;
        }
        if (sc.backend() != null && BackendRoutes.unknownBackend(gateway, ctx, sc.backend())) {
            return;
        }
        ApiReplies.blocking(control, ctx, () -> {
            StreamPipeline p = gateway.addStream(sc, SourceSpec.Origin.API);
            orphans.added(p);
            return view(p);
        });
    }

    private JsonObject view(StreamPipeline s) {
        return JsonViews.stream(s, hub, gateway.descriptorOf(s.id())).put("previews", previews.count(s.id()));
    }

    /**
     * Removes the stream; the sockets feeding a webcam feed no other stream reads are closed with a reason saying it
     * was deleted ({@link UnreadFeedSockets#deleted}), so the page feeding it stops instead of adding it again.
     */
    void deleteStream(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        control.executeBlocking(() -> delete(id)).onComplete(r -> {
            if (r.succeeded() && r.result()) {
                ctx.response().setStatusCode(204).end();
            } else {
                error(ctx, 404, "no stream '" + id + "'");
            }
        });
    }

    /** Removes the pipeline running as {@code id} now, as deleted; false when there is none. */
    private boolean delete(String id) {
        for (StreamPipeline p = gateway.stream(id); p != null; p = gateway.stream(id)) {
            StreamPipeline running = p;
            if (feedSockets.removeAsDeleted(running, () -> gateway.removeStream(id, running))) {
                return true;
            }
            // replaced meanwhile: delete the one running now
        }
        return false;
    }
}
