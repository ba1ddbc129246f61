package io.posegate.gateway.http;

import static io.posegate.gateway.http.ApiReplies.error;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.control.BackendFit;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.SwapRecord;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/backends} (with {@code ?measure=true} to start a speed check) and {@code /api/config} (show; swap the
 * default backend). Answers that probe backends (which may scan the file system) are built on the control pool.
 */
final class BackendRoutes {
    private final Gateway gateway;
    private final WorkerExecutor control;

    BackendRoutes(Gateway gateway, WorkerExecutor control) {
        this.gateway = gateway;
        this.control = control;
    }

    void backends(RoutingContext ctx) {
        if ("true".equals(ctx.queryParams().get("measure"))) {
            gateway.speedCheck().start();
        }
        ApiReplies.blocking(control, ctx, () -> JsonViews.backends(gateway));
    }

    void config(RoutingContext ctx) {
        ctx.json(JsonViews.config(gateway.config()).put("backend", gateway.defaultBackend()));
    }

    /**
     * Accepts {@code {"backend": "openvino"}}: swaps the default backend while streams run. Refused with 422, touching
     * nothing, when a running stream with a model of its own that follows the default could not run it; a backend that
     * cannot open the gateway's model fails the swap itself (409, the old backend kept, the swap recorded). While
     * another swap runs (from the API, the fleet or the file), refused at once with 409 naming it, nothing tried.
     */
    void putConfig(RoutingContext ctx) {
        JsonObject body = ApiReplies.body(ctx);
        if (body == null) {
            return;
        }
        for (String key : body.fieldNames()) {
            if (!key.equals("backend")) {
                error(ctx, 400, "field '" + key + "' cannot be changed here: PUT /api/config takes only 'backend'"
                        + (key.equals("streams") ? "; add, change or remove streams with PUT or DELETE /api/streams/{id}"
                        : " (streams: PUT or DELETE /api/streams/{id})"));
                return;
            }
        }
        if (!(body.getValue("backend") instanceof String backend)) {
            error(ctx, 400, "body must name a backend: {\"backend\": \"" + String.join("|", known(gateway)) + "\"}");
            return;
        }
        if (unknownBackend(gateway, ctx, backend)) {
            return;
        }
        ApiReplies.blocking(control, ctx, () -> {
            gateway.refuseSwapWhileBusy(backend);
            List<String> streams = BackendFit.followingStreams(backend, gateway, id -> false);
            if (!streams.isEmpty()) {
                throw new ApiReplies.Refusal(422, "backend '" + backend + "' not swapped in, '" + gateway.defaultBackend()
                        + "' kept: " + String.join("; ", streams));
            }
            SwapRecord r = gateway.swapBackendUnlessBusy(backend);
            if (r.error() != null) {
                throw new IllegalStateException("swap to '" + backend + "' failed, '" + r.from() + "' kept: " + r.error());
            }
            return JsonViews.backends(gateway);
        });
    }

    /** Answers 400 listing the known backends if {@code name} is neither {@code auto} nor a backend's name. */
    static boolean unknownBackend(Gateway gateway, RoutingContext ctx, String name) {
        List<String> known = known(gateway);
        if (known.contains(name)) {
            return false;
        }
        error(ctx, 400, "unknown backend '" + name + "'; known: " + String.join(", ", known));
        return true;
    }

    /** {@code auto} and every backend's name. */
    private static List<String> known(Gateway gateway) {
        List<String> known = new ArrayList<>(List.of(BackendRegistry.AUTO));
        known.addAll(gateway.registry().names());
        return known;
    }
}
