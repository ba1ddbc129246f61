package io.posegate.gateway.hub;

import io.posegate.gateway.auth.WebSecurity;
import io.posegate.gateway.http.JsonFailures;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Builds the hub's whole HTTP surface in one place: the JSON API under {@code /api} and the hub page.
 * Anything that must guard every route (authentication, Origin and Host checks) is installed here, first.
 */
public final class HubRouter {
    private HubRouter() {
    }

    /** The hub's routes behind {@code security} (the gateway's tokens, roles, Origin and Host checks), installed first. */
    public static Router create(Vertx vertx, FleetHub hub, WebSecurity security) {
        Router router = Router.router(vertx);
        JsonFailures.install(router);
        security.install(router, "/hub/");
        new HubRoutes(hub).mount(router);
        router.get("/").handler(ctx -> ctx.redirect("/hub/"));
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
        return router;
    }
}
