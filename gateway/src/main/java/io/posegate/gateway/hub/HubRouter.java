package io.posegate.gateway.hub;

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

    public static Router create(Vertx vertx, FleetHub hub) {
        Router router = Router.router(vertx);
        new HubRoutes(hub).mount(router);
        router.get("/").handler(ctx -> ctx.redirect("/hub/"));
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
        return router;
    }
}
