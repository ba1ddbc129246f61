package io.posegate.gateway.http;

import io.posegate.gateway.config.ConfigException;
import io.posegate.gateway.security.Redaction;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;

/**
 * How the JSON API reads a request body and answers: errors as {@code {"error": ...}} with secrets
 * redacted, and work that may block run on a worker pool, answered when it is done. Called on the event loop.
 * The fleet hub's routes answer through it too.
 */
public final class ApiReplies {
    private ApiReplies() {
    }

    /** Ends the request with {@code status} and {@code {"error": message}}, the message redacted. */
    public static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", Redaction.text(message)).encode());
    }

    /** The request body as a JSON object, or null once a 400 naming what was wrong has been sent. */
    public static JsonObject body(RoutingContext ctx) {
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

    /** Thrown by work run with {@link #blocking} to answer with this status and message. */
    static final class Refusal extends RuntimeException {
        private final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /**
     * Runs {@code work} on {@code pool} and answers with its JSON; a failure answers with a {@link Refusal}'s status,
     * 400 for bad input ({@link IllegalArgumentException}, {@link ConfigException}), else 409.
     */
    static void blocking(WorkerExecutor pool, RoutingContext ctx, Callable<JsonObject> work) {
        Future<JsonObject> f = pool.executeBlocking(work, false);
        f.onComplete(r -> {
            if (r.succeeded()) {
                ctx.json(r.result());
            } else {
                Throwable e = r.cause();
                int code = e instanceof Refusal r2 ? r2.status
                        : e instanceof IllegalArgumentException || e instanceof ConfigException ? 400 : 409;
                error(ctx, code, e.getMessage());
            }
        });
    }
}
