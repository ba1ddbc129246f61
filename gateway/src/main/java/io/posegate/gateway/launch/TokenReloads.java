package io.posegate.gateway.launch;

import io.posegate.gateway.auth.TokenStore;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.logging.Logger;

/** Applies token changes in the config file while the gateway runs, so {@code posegate token revoke} takes effect at once. */
final class TokenReloads {
    private static final Logger LOG = Logger.getLogger(TokenReloads.class.getName());

    private TokenReloads() {
    }

    static void watch(Vertx vertx, GatewayConfigLoader loader, Map<String, Object> overrides, TokenStore tokens, long scanMillis) {
        loader.retriever(scanMillis).listen(change -> {
            GatewayConfig next;
            try {
                next = loader.toConfig(change.getNewConfiguration(), overrides);
            } catch (RuntimeException e) {
                return;
            }
            tokens.replace(TokenStore.entries(next.security()));
            LOG.info("config: " + next.security().tokens().size() + " token(s) now accepted");
        });
    }
}
