package io.posegate.gateway.auth;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of a router: finds the credentials ({@code Authorization: Bearer TOKEN} or the
 * login cookie {@value #COOKIE}), checks them, and lets the request on only when its principal covers
 * what the {@link AccessPolicy} asks for: 401 without or with bad credentials, 403 when the role is too
 * weak, 429 for an address with too many failures. The principal is left on the context
 * ({@link #principal}). A login cookie on a route open to anyone is never refused: a stale one is cleared
 * and the request goes on as anonymous ({@link Authenticator#session}); a bad cookie elsewhere is cleared too. {@code GET /ws} without credentials passes with no principal: the socket must
 * then authenticate with its first message. Install it on any router with {@code router.route().handler(h)}.
 */
public final class AuthHandler implements Handler<RoutingContext> {
    public static final String COOKIE = "posegate_token";
    private static final String PRINCIPAL = "posegate.principal";
    private static final String TOKEN = "posegate.token";
    private final Authenticator authenticator;
    private final AccessPolicy policy;

    public AuthHandler(Authenticator authenticator, AccessPolicy policy) {
        this.authenticator = requireNonNull(authenticator, "authenticator is null");
        this.policy = requireNonNull(policy, "policy is null");
    }

    public AccessPolicy policy() {
        return policy;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    /** The request's principal, or null (open route without credentials, or a {@code /ws} that must still authenticate). */
    public static Principal principal(RoutingContext ctx) {
        return ctx.get(PRINCIPAL);
    }

    /**
     * The token that proved the request's {@link #principal}, or null when the principal is anonymous or absent.
     * Connections that outlive the request ({@code /ws}, MJPEG previews) keep it to be cut when it is revoked.
     */
    public static String token(RoutingContext ctx) {
        return ctx.get(TOKEN);
    }

    /** The token a request carries: bearer header first, then the login cookie; null when none. */
    public static String credentials(HttpServerRequest request) {
        String h = request.getHeader("Authorization");
        if (h != null) {
            return h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : "";
        }
        Cookie c = request.getCookie(COOKIE);
        return c == null || c.getValue().isEmpty() ? null : c.getValue();
    }

    /** A per-route check, for routers that need a stronger role than the policy's default. */
    public static Handler<RoutingContext> require(Role role) {
        return ctx -> {
            Principal p = principal(ctx);
            if (p == null || !p.role().covers(role)) {
                refuse(ctx, p == null ? 401 : 403, "this needs the " + role.label() + " role");
            } else {
                ctx.next();
            }
        };
    }

    @Override
    public void handle(RoutingContext ctx) {
        Role needed = policy.required(ctx.request().method(), ctx.normalizedPath());
        String token = credentials(ctx.request());
        if (token == null) {
            if (policy.anonymousMay(needed)) {
                ctx.put(PRINCIPAL, policy.anonymous() == null ? null : Principal.anonymous(policy.anonymous()));
                ctx.next();
            } else if ("/ws".equals(AccessPolicy.canonical(ctx.normalizedPath())) && isUpgrade(ctx.request())) {
                ctx.next();
            } else {
                refuse(ctx, 401, "this needs a" + (needed == Role.ADMIN ? "n admin" : " viewer")
                        + " token: send 'Authorization: Bearer TOKEN' or log in (tokens: 'posegate token add')");
            }
            return;
        }
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        boolean fromCookie = ctx.request().getHeader("Authorization") == null;
        if (needed == null && fromCookie) {
            holdUntil(ctx, authenticator.session(token, address)).onComplete(r -> {
                Authenticator.Session session = r.succeeded() ? r.result() : Authenticator.Session.UNCHECKED;
                if (session.stale()) {
                    clearCookie(ctx);
                }
                Principal p = session.principal();
                if (p != null) {
                    ctx.put(TOKEN, token);
                }
                ctx.put(PRINCIPAL, p != null ? p : policy.anonymous() == null ? null : Principal.anonymous(policy.anonymous()));
                ctx.next();
            });
            return;
        }
        holdUntil(ctx, authenticator.authenticate(token, address)).onComplete(r -> {
            if (r.failed()) {
                AuthException e = r.cause() instanceof AuthException a ? a : new AuthException(401, "token check failed");
                if (fromCookie && e.status() == 401) {
                    clearCookie(ctx);
                }
                if (needed == null && e.status() == 401) {
                    ctx.next();
                } else {
                    refuse(ctx, e.status(), e.getMessage());
                }
            } else if (needed != null && !r.result().role().covers(needed)) {
                refuse(ctx, 403, "this needs the " + needed.label() + " role; token '" + r.result().name() + "' is a "
                        + r.result().role().label());
            } else {
                ctx.put(PRINCIPAL, r.result());
                ctx.put(TOKEN, token);
                ctx.next();
            }
        });
    }

    /** {@code check}, with the request kept unread until it completes. */
    private static <T> io.vertx.core.Future<T> holdUntil(RoutingContext ctx, io.vertx.core.Future<T> check) {
        boolean upgrade = isUpgrade(ctx.request());
        // the check may finish on a later turn: keep the request unread until then (a WebSocket handshake stays
        // paused for its upgrade; bodies were read by the body handler in front of this one). A request already
        // read to its end has nothing left to hold back, and HTTP/2 (h2c) refuses to pause one.
        boolean paused = !ctx.request().isEnded();
        if (paused) {
            ctx.request().pause();
        }
        return check.andThen(r -> {
            if (paused && !upgrade) {
                ctx.request().resume();
            }
        });
    }

    /** Tells the browser to forget the login cookie (a stale one is never sent again). */
    public static void clearCookie(RoutingContext ctx) {
        ctx.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                .setSameSite(io.vertx.core.http.CookieSameSite.STRICT));
    }

    private static boolean isUpgrade(HttpServerRequest request) {
        String u = request.getHeader("Upgrade");
        return u != null && u.equalsIgnoreCase("websocket");
    }

    static void refuse(RoutingContext ctx, int status, String message) {
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"posegate\"");
        }
        if (status == 429) {
            ctx.response().putHeader("Retry-After", "60");
        }
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
