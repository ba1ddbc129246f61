package io.posegate.gateway.auth;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The dashboard's login: {@code POST /api/login {"token": …}} checks the token, {@code {"code": …}} uses up a
 * single-use login code ({@link LoginCodes}, from the login URL a run prints) and checks the token it stands for
 * (failures of either rate-limited per address); both set the cookie {@value AuthHandler#COOKIE} to the token
 * ({@code HttpOnly; SameSite=Strict}, and {@code Secure} over TLS). {@code POST /api/logout} clears it;
 * {@code GET /api/session} says who the caller is and whether the gateway runs insecure. Needs a body handler in front of it.
 */
public final class LoginRoutes {
    private final Authenticator authenticator;
    private final AccessPolicy policy;
    private final boolean secureCookie;
    private final boolean insecure;

    public LoginRoutes(Authenticator authenticator, AccessPolicy policy, boolean secureCookie, boolean insecure) {
        this.authenticator = authenticator;
        this.policy = policy;
        this.secureCookie = secureCookie;
        this.insecure = insecure;
    }

    public void mount(Router router) {
        router.post(AccessPolicy.LOGIN).handler(this::login);
        router.post(AccessPolicy.LOGOUT).handler(ctx -> ctx.response().addCookie(cookie("").setMaxAge(0)).setStatusCode(204).end());
        router.get(AccessPolicy.SESSION).handler(this::session);
    }

    private void login(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        Object token = body == null ? null : body.getValue("token");
        Object code = body == null ? null : body.getValue("code");
        boolean byToken = token instanceof String t && !t.isEmpty();
        boolean byCode = code instanceof String c && !c.isEmpty();
        if (byToken == byCode) {
            AuthHandler.refuse(ctx, 400, "body must be {\"token\": \"pgt_…\"} or {\"code\": \"…\"} (the login code of a login URL)");
            return;
        }
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        Future<String> loginToken = byToken ? Future.succeededFuture((String) token) : authenticator.redeemCode((String) code, address);
        loginToken.compose(t -> authenticator.authenticate(t, address).map(p -> Map.entry(t, p))).onComplete(r -> {
            if (r.failed()) {
                AuthException e = r.cause() instanceof AuthException a ? a : new AuthException(401, "login failed");
                AuthHandler.refuse(ctx, e.status(), e.getMessage());
            } else {
                Principal p = r.result().getValue();
                ctx.response().addCookie(cookie(r.result().getKey()));
                ctx.json(new JsonObject().put("name", p.name()).put("role", p.role().label()));
            }
        });
    }

    private void session(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        ctx.json(new JsonObject().put("name", p == null ? null : p.name()).put("role", p == null ? null : p.role().label())
                .put("loginRequired", !policy.anonymousMay(Role.VIEWER)).put("insecure", insecure));
    }

    private Cookie cookie(String value) {
        return Cookie.cookie(AuthHandler.COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(secureCookie);
    }
}
