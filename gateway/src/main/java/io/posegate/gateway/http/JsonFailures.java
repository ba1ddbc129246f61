package io.posegate.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.posegate.gateway.auth.WebSecurity;
import io.posegate.gateway.security.Redaction;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The router's last word on a request that failed (a handler threw, or called {@code ctx.fail}): a JSON
 * {@code {"error": …}} with the failure's status, or 500. A 500 names no exception, stack or value (the exception
 * goes to the local log, which redacts secrets: {@code RedactingLogFilter}); a 4xx says what was wrong when the
 * failure says it (the body limit for 413), redacted.
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

    /** What a 4xx says: the status, and what was wrong when known (redacted, one line, at most 200 characters). */
    static String clientError(int status, Throwable failure) {
        String head = status + " " + HttpResponseStatus.valueOf(status).reasonPhrase();
        if (status == 413) {
            return head + ": a request body may be at most " + WebSecurity.MAX_BODY / 1024 + " KiB";
        }
        String why = failure == null || failure.getMessage() == null ? null
                : Redaction.text(failure.getMessage()).replaceAll("\\s+", " ").strip();
        return why == null || why.isEmpty() ? head : head + ": " + (why.length() > 200 ? why.substring(0, 200) : why);
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
        String message = status == 500 ? INTERNAL : clientError(status, ctx.failure());
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
