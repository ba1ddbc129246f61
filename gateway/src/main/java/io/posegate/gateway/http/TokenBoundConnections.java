package io.posegate.gateway.http;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.auth.TokenStore;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open connections that outlive their request ({@code /ws} sockets, MJPEG previews), each with the token it
 * goes by now. When the {@link TokenStore} is replaced (a config reload), every connection whose token the store no
 * longer {@link TokenStore#known knows} is cut; anonymous ones (no token) and ones whose token is still known are left
 * alone.
 *
 * <p>Threading: {@link #track} and {@link Tracked#retoken} are called on the connection's own context (its event
 * loop), and the cut always runs there. The store's listener runs on the reloading thread: it only reads tokens and
 * hands each revoked connection's check to that connection's context. {@link Tracked#untrack} may be called from any
 * thread. Nothing here runs per frame.
 */
final class TokenBoundConnections implements AutoCloseable {
    private final TokenStore store;
    private final Set<Tracked> open = ConcurrentHashMap.newKeySet();
    private final Runnable sweep = this::sweep;

    TokenBoundConnections(TokenStore store) {
        this.store = requireNonNull(store, "store is null");
        store.onReplace(sweep);
    }

    /**
     * Tracks a connection until it is cut or {@link Tracked#untrack untracked} (call that when it closes). Call on the
     * connection's context. The token is checked once more on a later turn of that context, so a token revoked
     * between its check and this call still cuts the connection.
     *
     * @param token the token the connection was let in with, or null when anonymous
     * @param cut   closes the connection; runs on its context, at most once
     */
    Tracked track(String token, Runnable cut) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("track() must be called on the connection's context");
        }
        Tracked t = new Tracked(context, token, requireNonNull(cut, "cut is null"));
        open.add(t);
        context.runOnContext(v -> t.check());
        return t;
    }

    /** How many connections are tracked (tests). */
    int size() {
        return open.size();
    }

    /** The store's listener: on the reloading thread; hands each revoked connection to its own context. */
    private void sweep() {
        for (Tracked t : open) {
            if (t.revoked()) {
                t.context.runOnContext(v -> t.check());
            }
        }
    }

    /** Stops following the store (the server stops); connections still open are no longer cut. */
    @Override
    public void close() {
        store.removeOnReplace(sweep);
        open.clear();
    }

    /** One tracked connection. */
    final class Tracked {
        private final Context context;
        private final Runnable cut;
        private volatile String token;

        private Tracked(Context context, String token, Runnable cut) {
            this.context = context;
            this.token = token;
            this.cut = cut;
        }

        /**
         * The connection now goes by {@code next} (a later {@code auth} message proved it); checked at once. Call on
         * the connection's context.
         *
         * @return whether the connection is still tracked: false when {@code next} was already revoked and the
         *         connection was cut (or it had closed)
         */
        boolean retoken(String next) {
            token = next;
            check();
            return open.contains(this);
        }

        /** Stops tracking: the connection closed. Any thread. */
        void untrack() {
            open.remove(this);
        }

        private boolean revoked() {
            String t = token;
            return t != null && !store.known(t);
        }

        /** On the connection's context: cuts it when its current token is revoked and it is still tracked. */
        private void check() {
            if (revoked() && open.remove(this)) {
                cut.run();
            }
        }
    }
}
