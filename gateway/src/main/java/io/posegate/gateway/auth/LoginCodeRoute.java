package io.posegate.gateway.auth;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/login-codes}: a new single-use login code ({@link LoginCodes}) for the admin who asks, so a running
 * gateway or hub can hand out a fresh login URL ({@code posegate login-url}) after the one printed at start was used
 * or expired. Admin only: the {@link AccessPolicy} gives every state-changing route that need, and {@link CrossSiteGuard}
 * holds it to the Origin, Host and JSON rules of every state change, before this runs. The code stands for the
 * caller's own token (never more than the caller has). The answer is
 * {@code {"code": CODE, "path": PAGE?login=CODE, "expiresAt": ISO-8601 instant}} with {@code Cache-Control: no-store};
 * the code is never logged.
 */
public final class LoginCodeRoute {
    /** The route's path. */
    public static final String PATH = "/api/login-codes";
    private final LoginCodes codes;
    private final String page;

    /** @param page the path of the page that logs in with {@code ?login=} ({@code /}, or {@code /hub/} on the hub) */
    public LoginCodeRoute(LoginCodes codes, String page) {
        this.codes = requireNonNull(codes, "codes is null");
        this.page = requireNonNull(page, "page is null");
    }

    public void mount(Router router) {
        router.post(PATH).handler(this::issue);
    }

    private void issue(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        String token = AuthHandler.token(ctx);
        if (p == null || !p.role().covers(Role.ADMIN) || token == null) {
            // the policy already refused anyone else; without a token of its own a caller has nothing a code could stand for
            AuthHandler.refuse(ctx, 403, "login codes are issued for an admin token only");
            return;
        }
        LoginCodes.Issued issued = codes.issueWithExpiry(token);
        ctx.response().putHeader("Cache-Control", "no-store");
        ctx.json(new JsonObject().put("code", issued.code()).put("path", page + "?login=" + issued.code())
                .put("expiresAt", issued.expires().toString()));
    }
}
