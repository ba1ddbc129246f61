package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.auth.Role;
import io.posegate.gateway.auth.TokenHash;
import io.posegate.gateway.auth.TokenStore;
import io.posegate.gateway.auth.Tokens;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry behind revocation: which tracked connections a token store replacement cuts, and where. */
class TokenBoundConnectionsTest {
    private static final Tokens.Issued KEPT = Tokens.newToken();
    private static final Tokens.Issued GONE = Tokens.newToken();
    private static final TokenStore.Entry KEPT_ENTRY = new TokenStore.Entry("kept", Role.VIEWER, KEPT.id(), TokenHash.hash(KEPT.token()));
    private static final TokenStore.Entry GONE_ENTRY = new TokenStore.Entry("gone", Role.ADMIN, GONE.id(), TokenHash.hash(GONE.token()));

    private final Vertx vertx = Vertx.vertx();
    private final Context context = vertx.getOrCreateContext();
    private final TokenStore store = new TokenStore(List.of(KEPT_ENTRY, GONE_ENTRY));
    private final TokenBoundConnections connections = new TokenBoundConnections(store);

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void onlyConnectionsOfADroppedTokenAreCutOnTheirOwnContext() throws Exception {
        CompletableFuture<Context> gone = new CompletableFuture<>();
        AtomicInteger others = new AtomicInteger();
        on(() -> {
            connections.track(GONE.token(), () -> gone.complete(Vertx.currentContext()));
            connections.track(KEPT.token(), others::incrementAndGet);
            return connections.track(null, others::incrementAndGet);
        });

        store.replace(List.of(KEPT_ENTRY));

        assertSame(context, gone.get(60, TimeUnit.SECONDS), "cut on the connection's context");
        on(() -> null); // checks queued on the context before this have run
        assertEquals(0, others.get(), "a known token and an anonymous connection are left alone");
        assertEquals(2, connections.size());
    }

    @Test
    void aTokenDroppedBeforeTrackingIsCutOnTheNextTurn() throws Exception {
        store.replace(List.of(KEPT_ENTRY));
        CompletableFuture<Void> cut = new CompletableFuture<>();
        on(() -> connections.track(GONE.token(), () -> cut.complete(null)));
        cut.get(60, TimeUnit.SECONDS);
        assertEquals(0, connections.size());
    }

    @Test
    void anUntrackedConnectionIsNeitherKeptNorCut() throws Exception {
        AtomicInteger cuts = new AtomicInteger();
        on(() -> {
            connections.track(GONE.token(), cuts::incrementAndGet).untrack();
            return null;
        });
        assertEquals(0, connections.size());
        store.replace(List.of(KEPT_ENTRY));
        on(() -> null);
        assertEquals(0, cuts.get());
    }

    @Test
    void aConnectionGoesByItsNewerToken() throws Exception {
        AtomicInteger movedAway = new AtomicInteger();
        AtomicInteger movedOnto = new AtomicInteger();
        TokenBoundConnections.Tracked away = on(() -> connections.track(GONE.token(), movedAway::incrementAndGet));
        TokenBoundConnections.Tracked onto = on(() -> connections.track(KEPT.token(), movedOnto::incrementAndGet));
        assertTrue(on(() -> away.retoken(KEPT.token())));
        assertTrue(on(() -> onto.retoken(GONE.token())));

        store.replace(List.of(KEPT_ENTRY));
        on(() -> null);

        assertEquals(0, movedAway.get());
        assertEquals(1, movedOnto.get());
        assertFalse(on(() -> onto.retoken(GONE.token())), "a retoken to a dropped token cuts at once");
    }

    @Test
    void aClosedRegistryNoLongerFollowsTheStore() throws Exception {
        AtomicInteger cuts = new AtomicInteger();
        on(() -> connections.track(GONE.token(), cuts::incrementAndGet));
        connections.close();
        store.replace(List.of(KEPT_ENTRY));
        on(() -> null);
        assertEquals(0, cuts.get());
    }

    /** Runs {@code work} on the test's context and waits for it, and for the turn after it. */
    private <T> T on(Callable<T> work) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                T result = work.call();
                context.runOnContext(w -> done.complete(result));
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(60, TimeUnit.SECONDS);
    }
}
