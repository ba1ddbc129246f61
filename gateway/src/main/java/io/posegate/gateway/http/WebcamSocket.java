package io.posegate.gateway.http;

import io.posegate.gateway.ingest.QueryString;
import io.posegate.gateway.ingest.feeds.WebcamFeed;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.function.BooleanSupplier;

/**
 * Accepts a browser's camera frames on {@code /ws}: each binary message is one JPEG, pushed into the
 * {@link WebcamHub} feed named by the query parameter {@code webcam} (default {@value WebcamHub#DEFAULT_NAME}),
 * which the stream {@code webcam:NAME} reads. {@link WebcamFeed#submitJpeg} only checks the header and
 * queues, so this runs on the event loop; a refused frame gets a text {@code error} message naming why.
 * Only an admin's socket may send frames. A socket holds its feed from its first frame until it closes: the
 * stream then knows when its browser went away ({@link WebcamFeed#feederLeft}). A socket that may feed (admin) when it
 * opens and names its feed, or that has fed one, is linked to that feed: it is closed when a webcam stream reading the
 * feed is removed as orphaned and no other stream reads it ({@link WebcamHub#disconnect}), so the page does not go on
 * feeding a feed nothing reads. A socket that may not feed (a viewer naming a feed) is never linked, so it is not
 * closed.
 */
final class WebcamSocket {
    /**
     * The close code when the webcam stream reading this socket's feed was removed (its page had stopped feeding it):
     * the page's WebcamLink reconnects, finds the stream gone (404) and adds it again.
     */
    static final short REMOVED = 1001;

    private WebcamSocket() {
    }

    /** Handles the socket's binary messages; run the result when the socket closes (on its event loop). */
    static Runnable attach(ServerWebSocket ws, WebcamHub webcams, BooleanSupplier mayFeed) {
        String name = feedName(ws.query());
        WebcamFeed[] held = new WebcamFeed[1]; // only touched on the socket's event loop
        Runnable closer = () -> ws.close(REMOVED, "the stream reading webcam:" + name + " was removed");
        // a socket that may feed and names its feed (the dashboard's page), or feeds one, is closed when that feed's
        // stream is removed; one that may not feed has no say in the feed and is left alone
        Runnable[] unlink = {namesFeed(ws.query()) && mayFeed.getAsBoolean() ? webcams.link(name, closer) : null};
        ws.binaryMessageHandler(buf -> {
            if (!mayFeed.getAsBoolean()) {
                ws.writeTextMessage(new JsonObject().put("v", 1).put("type", "error").put("stream", "webcam:" + name)
                        .put("message", "webcam frames need the admin role: log in or send {\"type\":\"auth\",\"token\":...}").encode());
                return;
            }
            try {
                if (held[0] == null) {
                    held[0] = webcams.acquire(name);
                    held[0].feederJoined();
                    if (unlink[0] == null) {
                        unlink[0] = webcams.link(name, closer);
                    }
                }
                held[0].submitJpeg(buf.getBytes());
            } catch (IllegalArgumentException e) {
                ws.writeTextMessage(new JsonObject().put("v", 1).put("type", "error").put("stream", "webcam:" + name)
                        .put("message", "webcam frame refused: " + e.getMessage()).encode());
            }
        });
        return () -> {
            if (unlink[0] != null) {
                unlink[0].run();
                unlink[0] = null;
            }
            if (held[0] != null) {
                held[0].feederLeft();
                webcams.release(held[0]);
                held[0] = null;
            }
        };
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
