package io.posegate.gateway.http;

import io.posegate.gateway.auth.TokenHash;
import io.posegate.gateway.auth.Tokens;
import io.vertx.core.json.JsonObject;

/** Tokens made in the test, as {@code posegate token add} makes them, and the config section that accepts them. */
final class SecuredGateway {
    static final Tokens.Issued ADMIN = Tokens.newToken();
    static final Tokens.Issued VIEWER = Tokens.newToken();
    private static final String ADMIN_HASH = TokenHash.hash(ADMIN.token());
    private static final String VIEWER_HASH = TokenHash.hash(VIEWER.token());

    private SecuredGateway() {
    }

    /** {@code auth:} with one admin token ({@code ops}) and one viewer token ({@code wall}). */
    static JsonObject auth(String anonymous) {
        return new JsonObject().put("anonymous", anonymous).put("tokens", new JsonObject()
                .put("ops", new JsonObject().put("role", "admin").put("id", ADMIN.id()).put("hash", ADMIN_HASH))
                .put("wall", new JsonObject().put("role", "viewer").put("id", VIEWER.id()).put("hash", VIEWER_HASH)));
    }
}
