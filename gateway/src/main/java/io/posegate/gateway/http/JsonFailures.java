package io.posegate.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The router's last word on a request that failed (a handler threw, or called {@code ctx.fail}): a JSON
 * {@code {"error": …}} with the failure's status, or 500. The answer names no exception, stack or value; the
 * exception goes to the local log, which redacts secrets ({@code RedactingLogFilter}).
 */
public final class JsonFailures {
    private static final Logger LOG = Logger.getLogger(JsonFailures.class.getName());
    static final String INTERNAL = "internal error (the gateway log has the details)";

    private JsonFailures() {
    }

    /** Installs the failure handler for every route of {@code router}. */
    public static void install(Router router) {
        router.route().failureHandler(JsonFailures::handle);
    }

    private static void handle(RoutingContext ctx) {
        int status = ctx.statusCode() >= 400 && ctx.statusCode() <= 599 ? ctx.statusCode() : 500;
        if (status == 500) {
            LOG.log(Level.WARNING, "request failed: " + ctx.request().method() + " " + ctx.normalizedPath(), ctx.failure());
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        String message = status == 500 ? INTERNAL : status + " " + HttpResponseStatus.valueOf(status).reasonPhrase();
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
