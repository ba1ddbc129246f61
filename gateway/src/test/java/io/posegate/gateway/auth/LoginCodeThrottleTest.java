package io.posegate.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A used or unknown login code counts as a failed login of its address; once the address is blocked, even a valid
 * code is refused (429) and left unused, so it still logs in from another address.
 */
class LoginCodeThrottleTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void badCodesCountAsFailedLoginsAndABlockedAddressLeavesAValidCodeUnused() throws Exception {
        TokenStore store = new TokenStore(List.of());
        String token = store.issue("run", Role.ADMIN);
        try (Authenticator auth = new Authenticator(vertx, store, new FailedLogins(2, 3600))) {
            String used = store.loginCodes().issue(token);
            assertEquals(token, await(auth.redeemCode(used, "10.0.0.1")));
            AuthException again = failure(auth.redeemCode(used, "10.0.0.1"));
            assertEquals(401, again.status());
            assertTrue(again.getMessage().startsWith("login code already used, expired or unknown"), again.getMessage());
            assertEquals(401, failure(auth.redeemCode("AAAAAAAAAAAAAAAAAAAAAA", "10.0.0.1")).status());
            String fresh = store.loginCodes().issue(token);
            assertEquals(429, failure(auth.redeemCode(fresh, "10.0.0.1")).status(), "blocked after two bad codes");
            assertEquals(token, await(auth.redeemCode(fresh, "10.0.0.2")), "the refused code was not used up");
        }
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static AuthException failure(Future<?> f) throws Exception {
        try {
            await(f);
        } catch (java.util.concurrent.ExecutionException e) {
            return (AuthException) e.getCause();
        }
        throw new AssertionError("succeeded");
    }
}
