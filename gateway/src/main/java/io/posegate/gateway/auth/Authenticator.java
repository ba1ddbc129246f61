package io.posegate.gateway.auth;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * Checks tokens without blocking the event loop: a token seen before is answered from the store's
 * cache; a new one is hashed on the named worker pool {@code posegate-auth}. Bad tokens count against
 * their address in {@link FailedLogins}, and a blocked address is refused before any hashing (a token
 * already verified keeps working: it is not a guess). A login cookie on a route open to anyone is checked by
 * {@link #session}, which never refuses and does not count a stale cookie.
 */
public final class Authenticator implements AutoCloseable {
    private final TokenStore store;
    private final FailedLogins failures;
    private final WorkerExecutor worker;

    public Authenticator(Vertx vertx, TokenStore store, FailedLogins failures) {
        this.store = requireNonNull(store, "store is null");
        this.failures = requireNonNull(failures, "failures is null");
        this.worker = requireNonNull(vertx, "vertx is null").createSharedWorkerExecutor("posegate-auth", 1);
    }

    public TokenStore store() {
        return store;
    }

    /** The token's principal, or a failed future with an {@link AuthException} (401 or 429). */
    public Future<Principal> authenticate(String token, String address) {
        Principal cached = store.cached(token);
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        long wait = failures.blockedForSeconds(address);
        if (wait > 0) {
            return Future.failedFuture(tooMany(address, wait));
        }
        if (!store.known(token)) {
            return Future.failedFuture(refused(address));
        }
        return worker.executeBlocking(() -> store.verify(token), false).compose(p -> p != null ? Future.succeededFuture(p)
                : Future.failedFuture(refused(address)));
    }

    /**
     * Uses up a single-use login code ({@link LoginCodes}): the token it stands for, or a failed future with an
     * {@link AuthException}: 429 while the address is blocked (the code is then left unused), 401 when the code is
     * unknown, already used or expired, counted as a failed login.
     */
    public Future<String> redeemCode(String code, String address) {
        long wait = failures.blockedForSeconds(address);
        if (wait > 0) {
            return Future.failedFuture(tooMany(address, wait));
        }
        String token = store.loginCodes().redeem(code);
        if (token == null) {
            failures.failed(address);
            return Future.failedFuture(new AuthException(401, "login code already used, expired or unknown (a code works once, within "
                    + LoginCodes.LIFETIME.toMinutes() + " minutes): log in with the token instead"));
        }
        return Future.succeededFuture(token);
    }

    /**
     * What a login cookie sent to a route open to anyone came to. Such a request goes on as anonymous whatever the
     * cookie holds, so it is never refused.
     *
     * @param principal the cookie's principal, or null
     * @param stale     true when the cookie should be cleared: its token is no longer known, or its secret is wrong;
     *                  false when it was left unchecked (the address is blocked, or the check itself failed)
     */
    public record Session(Principal principal, boolean stale) {
        static final Session UNCHECKED = new Session(null, false);
        static final Session STALE = new Session(null, true);
    }

    /**
     * Checks a login cookie sent to a route open to anyone. A cookie whose token is no longer known (revoked, or
     * from another gateway) is a stale session, not a guess: it is not counted. One naming a known token with a
     * wrong secret is a guess and counts; while the address is blocked a cookie not verified before is not checked
     * (and so not called stale).
     */
    public Future<Session> session(String token, String address) {
        Principal cached = store.cached(token);
        if (cached != null) {
            return Future.succeededFuture(new Session(cached, false));
        }
        if (!store.known(token)) {
            return Future.succeededFuture(Session.STALE);
        }
        if (failures.blockedForSeconds(address) > 0) {
            return Future.succeededFuture(Session.UNCHECKED);
        }
        return worker.executeBlocking(() -> store.verify(token), false).map(p -> {
            if (p == null) {
                failures.failed(address);
                return Session.STALE;
            }
            return new Session(p, false);
        });
    }

    private static AuthException tooMany(String address, long wait) {
        return new AuthException(429, "too many failed logins from " + address + "; try again in " + wait + " s");
    }

    private AuthException refused(String address) {
        failures.failed(address);
        return new AuthException(401, "invalid or revoked token");
    }

    @Override
    public void close() {
        worker.close();
    }
}
