package io.posegate.gateway.http;

import io.posegate.gateway.ingest.QueryString;
import io.posegate.gateway.ingest.feeds.WebcamFeed;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Accepts a browser's camera frames on {@code /ws}: each binary message is one JPEG, pushed into the
 * {@link WebcamHub} feed named by the query parameter {@code webcam} (default {@value WebcamHub#DEFAULT_NAME}),
 * which the stream {@code webcam:NAME} reads. {@link WebcamFeed#submitJpeg} only checks the header and
 * queues, so this runs on the event loop; a refused frame gets a text {@code error} message naming why.
 * Only an admin's socket may send frames. A socket holds its feed from its first frame until it closes: the
 * stream then knows when its browser went away ({@link WebcamFeed#feederLeft}). A socket that may feed (admin) when it
 * opens and names its feed, or that starts feeding one, is linked to that feed: it is closed when the webcam stream
 * reading the feed leaves (removed as orphaned, deleted, replaced by another source, dropped by a config change) and no
 * other stream reads it ({@link UnreadFeedSockets}), so the page does not go on feeding a feed nothing reads. Such a
 * socket attaches only while a running stream reads its feed: else it is closed at once, reason {@value #NO_STREAM}
 * and the feed's source, feeds nothing and does not join the WebSocket hub ({@link Attached#refused}): its page found
 * its stream just before it left, then opened its socket after. A socket that may not feed (a viewer naming a feed)
 * is never linked, so it is not closed.
 */
final class WebcamSocket {
    /**
     * The close code when no stream reads this socket's feed any more: the webcam stream reading it left (the reason
     * says how, {@link UnreadFeedSockets}), or none read it when the socket attached. The page's WebcamLink stops when
     * its stream was deleted, else it reconnects, and adds its stream again if it is gone (404).
     */
    static final short REMOVED = 1001;

    /** The close reason, then {@code webcam:NAME}, when no running stream reads the feed a socket attaches to. */
    static final String NO_STREAM = "no stream reads ";

    private WebcamSocket() {
    }

    /**
     * What {@link #attach} made of a socket.
     *
     * @param refused true when the socket was closed at once (no running stream reads the feed it names): it must not
     *                join the WebSocket hub, gets no {@code hello} and is not counted as a client
     * @param closed  what to run when the socket closes (on its event loop); nothing is left to undo when refused
     */
    record Attached(boolean refused, Runnable closed) {
    }

    /**
     * Handles the socket's binary messages; says whether the socket was refused and what to run when it closes.
     *
     * @param read whether a running stream reads the feed of that name now ({@link WebcamReaders#read})
     */
    static Attached attach(ServerWebSocket ws, WebcamHub webcams, Predicate<String> read, BooleanSupplier mayFeed) {
        String name = feedName(ws.query());
        WebcamFeed[] held = new WebcamFeed[1]; // only touched on the socket's event loop
        Consumer<String> close = reason -> ws.close(REMOVED, reason);
        // a socket that may feed and names its feed (the dashboard's page), or feeds one, is closed when that feed's
        // stream is removed; one that may not feed has no say in the feed and is left alone
        boolean linkNow = namesFeed(ws.query()) && mayFeed.getAsBoolean();
        Runnable[] unlink = {linkNow ? linkWhileRead(webcams, name, read, close) : null};
        boolean[] refused = {linkNow && unlink[0] == null};
        ws.binaryMessageHandler(buf -> {
            if (refused[0]) {
                return; // closing: no stream reads its feed
            }
            if (!mayFeed.getAsBoolean()) {
                ws.writeTextMessage(new JsonObject().put("v", 1).put("type", "error").put("stream", "webcam:" + name)
                        .put("message", "webcam frames need the admin role: log in or send {\"type\":\"auth\",\"token\":...}").encode());
                return;
            }
            try {
                if (held[0] == null) {
                    if (unlink[0] == null) {
                        unlink[0] = linkWhileRead(webcams, name, read, close);
                        if (unlink[0] == null) {
                            refused[0] = true;
                            return;
                        }
                    }
                    held[0] = webcams.acquire(name);
                    held[0].feederJoined();
                }
                held[0].submitJpeg(buf.getBytes());
            } catch (IllegalArgumentException e) {
                ws.writeTextMessage(new JsonObject().put("v", 1).put("type", "error").put("stream", "webcam:" + name)
                        .put("message", "webcam frame refused: " + e.getMessage()).encode());
            }
        });
        return new Attached(refused[0], () -> {
            if (unlink[0] != null) {
                unlink[0].run();
                unlink[0] = null;
            }
            if (held[0] != null) {
                held[0].feederLeft();
                webcams.release(held[0]);
                held[0] = null;
            }
        });
    }

    /**
     * Links a socket to the feed called {@code name} only while a running stream reads it; returns what unlinks it, or
     * null when it was refused. It links first and then looks for the stream, so a removal of that stream (which
     * removes the stream, then closes the sockets linked to its feed) either finds the link and closes the socket, or
     * ended before the look, which then finds no stream: no socket stays linked to a feed whose stream is gone.
     * {@code close} gets the reason at most once, whichever comes first: the removal's ({@link UnreadFeedSockets}) or
     * this refusal's.
     */
    static Runnable linkWhileRead(WebcamHub webcams, String name, Predicate<String> read, Consumer<String> close) {
        AtomicBoolean closed = new AtomicBoolean();
        Consumer<String> once = reason -> {
            if (closed.compareAndSet(false, true)) {
                close.accept(reason);
            }
        };
        Runnable unlink = webcams.link(name, once);
        if (read.test(name)) {
            return unlink;
        }
        unlink.run();
        once.accept(NO_STREAM + "webcam:" + name);
        return null;
    }

    /** True when the query string names a feed ({@code webcam=} with a valid name). */
    static boolean namesFeed(String query) {
        return namedFeed(query) != null;
    }

    /** The first valid (URL-decoded) value of {@code webcam=} in a query string, else the default feed name. */
    static String feedName(String query) {
        String named = namedFeed(query);
        return named == null ? WebcamHub.DEFAULT_NAME : named;
    }

    /** The first valid (URL-decoded) value of {@code webcam=} in a query string, or null. */
    private static String namedFeed(String query) {
        for (QueryString.Param p : QueryString.parse(query)) {
            if (p.key().equals("webcam") && p.value() != null && !p.value().isEmpty()) {
                String v = java.net.URLDecoder.decode(p.value(), java.nio.charset.StandardCharsets.UTF_8);
                if (v.matches(WebcamHub.NAME_PATTERN)) {
                    return v;
                }
            }
        }
        return null;
    }
}
