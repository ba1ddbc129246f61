package io.posegate.gateway.hub;

import static io.posegate.gateway.http.ApiReplies.body;
import static io.posegate.gateway.http.ApiReplies.error;

import io.posegate.gateway.security.JsonRedaction;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.Set;

/**
 * The hub's JSON API: {@code GET /api/boxes[?group=G&state=online|offline]}, {@code GET /api/boxes/{id}},
 * {@code POST /api/boxes/{id}/commands/{name}}, {@code POST /api/rollouts}, {@code GET /api/rollouts},
 * {@code GET /api/rollouts/{id}}, {@code POST /api/rollouts/{id}/rollback}. Handlers run on the hub's event
 * loop and never block. Answers are redacted ({@link JsonRedaction}): a viewer reads them, and desired
 * configs carry camera passwords and header options.
 */
final class HubRoutes {
    private static final Set<String> STATES = Set.of("online", "offline", "unknown");
    private final FleetHub hub;

    HubRoutes(FleetHub hub) {
        this.hub = hub;
    }

    void mount(Router router) {
        // bodies are read (64 KiB at most, no upload directory) by WebSecurity's body handler, installed first
        router.get("/api/boxes").handler(this::boxes);
        router.get("/api/boxes/:id").handler(this::box);
        router.post("/api/boxes/:id/commands/:name").handler(this::command);
        router.post("/api/rollouts").handler(this::startRollout);
        router.get("/api/rollouts").handler(this::rollouts);
        router.get("/api/rollouts/:id").handler(this::rollout);
        router.post("/api/rollouts/:id/rollback").handler(this::rollback);
    }

    private void boxes(RoutingContext ctx) {
        String state = ctx.queryParams().get("state");
        if (state != null && !STATES.contains(state)) {
            error(ctx, 400, "query parameter 'state' must be one of " + STATES + ", got '" + state + "'");
            return;
        }
        JsonArray a = new JsonArray();
        hub.table().list(ctx.queryParams().get("group"), state).forEach(b -> a.add(JsonRedaction.copy(b.summary())));
        ctx.json(new JsonObject().put("boxes", a));
    }

    private void box(RoutingContext ctx) {
        Box b = hub.table().box(ctx.pathParam("id"));
        if (b == null) {
            error(ctx, 404, "no box '" + ctx.pathParam("id") + "'");
        } else {
            ctx.json(JsonRedaction.copy(b.detail()));
        }
    }

    private void command(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String name = ctx.pathParam("name");
        if (!BoxCommand.validName(name)) {
            error(ctx, 400, BoxCommand.nameProblem(name));
            return;
        }
        if (hub.table().box(id) == null) {
            error(ctx, 404, "no box '" + id + "'");
            return;
        }
        JsonObject body = body(ctx);
        if (body == null) {
            return;
        }
        if (body.getValue("args") != null && !(body.getValue("args") instanceof JsonObject)) {
            error(ctx, 400, "field 'args' must be an object");
            return;
        }
        hub.command(id, name, body.getJsonObject("args", new JsonObject())).onComplete(r -> {
            if (r.succeeded()) {
                ctx.response().setStatusCode(r.result().getInteger("status", 200));
                ctx.json(r.result());
            } else {
                error(ctx, 504, r.cause().getMessage());
            }
        });
    }

    private void startRollout(RoutingContext ctx) {
        JsonObject body = body(ctx);
        if (body == null) {
            return;
        }
        try {
            Rollout r = hub.startRollout(RolloutSpec.parse(body));
            ctx.response().setStatusCode(201).putHeader("location", "/api/rollouts/" + r.id());
            ctx.json(view(r));
        } catch (IllegalArgumentException e) {
            error(ctx, 400, e.getMessage());
        }
    }

    private void rollouts(RoutingContext ctx) {
        JsonArray a = new JsonArray();
        hub.engine().rollouts().values().stream().sorted(Comparator.comparing((Rollout r) -> r.doc.getLong("createdAt")).reversed())
                .forEach(r -> a.add(view(r)));
        ctx.json(new JsonObject().put("rollouts", a));
    }

    private void rollout(RoutingContext ctx) {
        Rollout r = hub.engine().rollouts().get(ctx.pathParam("id"));
        if (r == null) {
            error(ctx, 404, "no rollout '" + ctx.pathParam("id") + "'");
        } else {
            ctx.json(view(r));
        }
    }

    /**
     * A rollout as the API shows it: its config and every previous config redacted. The raw document (what
     * the boxes are sent, and what a rollback republishes) stays on the hub and its retained MQTT topic.
     */
    private static JsonObject view(Rollout r) {
        return JsonRedaction.copy(r.doc);
    }

    private void rollback(RoutingContext ctx) {
        Rollout r = hub.engine().rollouts().get(ctx.pathParam("id"));
        if (r == null) {
            error(ctx, 404, "no rollout '" + ctx.pathParam("id") + "'");
        } else if ("rolled-back".equals(r.state())) {
            error(ctx, 409, "rollout '" + r.id() + "' is already rolled back (version " + r.doc.getLong("rollbackVersion") + ")");
        } else {
            ctx.json(view(hub.engine().rollback(r)));
        }
    }
}
