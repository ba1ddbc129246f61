package io.posegate.gateway.http;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.config.ConfigException;
import io.posegate.gateway.config.FieldReader;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.gateway.pipeline.SwapRecord;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The JSON API under {@code /api}. Handlers never block: anything that may (opening a backend,
 * starting a source) runs on the named worker pool {@code posegate-control}.
 */
final class ApiRoutes {
    private final Gateway gateway;
    private final WsHub hub;
    private final WorkerExecutor control;

    ApiRoutes(Gateway gateway, WsHub hub, WorkerExecutor control) {
        this.gateway = gateway;
        this.hub = hub;
        this.control = control;
    }

    void mount(Router router) {
        // bodies are read (64 KiB at most, no upload directory) by WebSecurity's body handler, installed first
        router.get("/api/streams").handler(this::streams);
        router.get("/api/streams/:id").handler(this::stream);
        router.put("/api/streams/:id").handler(this::putStream);
        router.delete("/api/streams/:id").handler(this::deleteStream);
        router.get("/api/backends").handler(ctx -> {
            if ("true".equals(ctx.queryParams().get("measure"))) {
                gateway.speedCheck().start();
            }
            ctx.json(JsonViews.backends(gateway));
        });
        router.get("/api/model").handler(this::model);
        router.get("/api/config").handler(ctx -> ctx.json(JsonViews.config(gateway.config())
                .put("backend", gateway.defaultBackend())));
        router.put("/api/config").handler(this::putConfig);
    }

    private void streams(RoutingContext ctx) {
        JsonArray a = new JsonArray();
        for (StreamPipeline s : gateway.streams()) {
            a.add(JsonViews.stream(s, hub, gateway.descriptorOf(s.id())));
        }
        ctx.json(new JsonObject().put("streams", a));
    }

    /** The gateway's model and which model each stream runs; {@code ?stream=ID} gives that stream's model. */
    private void model(RoutingContext ctx) {
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

    private void stream(RoutingContext ctx) {
        StreamPipeline s = gateway.stream(ctx.pathParam("id"));
        if (s == null) {
            error(ctx, 404, "no stream '" + ctx.pathParam("id") + "'");
        } else {
            ctx.json(JsonViews.stream(s, hub, gateway.descriptorOf(s.id())));
        }
    }

    private void putStream(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject body = body(ctx);
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
        if (sc.backend() != null && unknownBackend(ctx, sc.backend())) {
            return;
        }
        blocking(ctx, () -> {
            StreamPipeline p = gateway.addStream(sc, SourceSpec.Origin.API);
            return JsonViews.stream(p, hub, gateway.descriptorOf(p.id()));
        });
    }

    private void deleteStream(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        control.executeBlocking(() -> gateway.removeStream(id)).onComplete(r -> {
            if (r.succeeded() && r.result()) {
                ctx.response().setStatusCode(204).end();
            } else {
                error(ctx, 404, "no stream '" + id + "'");
            }
        });
    }

    /** Accepts {@code {"backend": "openvino"}}: swaps the default backend while streams run. */
    private void putConfig(RoutingContext ctx) {
        JsonObject body = body(ctx);
        if (body == null) {
            return;
        }
        for (String key : body.fieldNames()) {
            if (!key.equals("backend")) {
                error(ctx, 400, "field '" + key + "' cannot be changed at run time; changeable: [backend]");
                return;
            }
        }
        String backend = body.getString("backend");
        if (backend == null) {
            error(ctx, 400, "body must name a backend: {\"backend\": \"auto|onnx|openvino|tensorrt\"}");
            return;
        }
        if (unknownBackend(ctx, backend)) {
            return;
        }
        blocking(ctx, () -> {
            SwapRecord r = gateway.swapBackend(backend);
            if (r.error() != null) {
                throw new IllegalStateException("swap to '" + backend + "' failed, '" + r.from() + "' kept: " + r.error());
            }
            return JsonViews.backends(gateway);
        });
    }

    /** Answers 400 listing the known backends if {@code name} is neither {@code auto} nor a backend's name. */
    private boolean unknownBackend(RoutingContext ctx, String name) {
        List<String> known = new ArrayList<>(List.of(BackendRegistry.AUTO));
        known.addAll(gateway.registry().names());
        if (known.contains(name)) {
            return false;
        }
        error(ctx, 400, "unknown backend '" + name + "'; known: " + String.join(", ", known));
        return true;
    }

    private JsonObject body(RoutingContext ctx) {
        try {
            JsonObject o = ctx.body().asJsonObject();
            if (o == null) {
                error(ctx, 400, "request body must be a JSON object");
            }
            return o;
        } catch (RuntimeException e) {
            error(ctx, 400, "request body is not valid JSON: " + e.getMessage());
            return null;
        }
    }

    private void blocking(RoutingContext ctx, Callable<JsonObject> work) {
        Future<JsonObject> f = control.executeBlocking(work, false);
        f.onComplete(r -> {
            if (r.succeeded()) {
                ctx.json(r.result());
            } else {
                Throwable e = r.cause();
                int code = e instanceof IllegalArgumentException || e instanceof ConfigException ? 400 : 409;
                error(ctx, code, e.getMessage());
            }
        });
    }

    static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", io.posegate.gateway.security.Redaction.text(message)).encode());
    }
}
