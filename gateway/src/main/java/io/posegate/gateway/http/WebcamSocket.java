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
 * stream then knows when its browser went away ({@link WebcamFeed#feederLeft}).
 */
final class WebcamSocket {
    private WebcamSocket() {
    }

    /** Handles the socket's binary messages; run the result when the socket closes (on its event loop). */
    static Runnable attach(ServerWebSocket ws, WebcamHub webcams, BooleanSupplier mayFeed) {
        String name = feedName(ws.query());
        WebcamFeed[] held = new WebcamFeed[1]; // only touched on the socket's event loop
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
                }
                held[0].submitJpeg(buf.getBytes());
            } catch (IllegalArgumentException e) {
                ws.writeTextMessage(new JsonObject().put("v", 1).put("type", "error").put("stream", "webcam:" + name)
                        .put("message", "webcam frame refused: " + e.getMessage()).encode());
            }
        });
        return () -> {
            if (held[0] != null) {
                held[0].feederLeft();
                webcams.release(held[0]);
                held[0] = null;
            }
        };
    }

    /** The first valid (URL-decoded) value of {@code webcam=} in a query string, else the default feed name. */
    static String feedName(String query) {
        for (QueryString.Param p : QueryString.parse(query)) {
            if (p.key().equals("webcam") && p.value() != null && !p.value().isEmpty()) {
                String v = java.net.URLDecoder.decode(p.value(), java.nio.charset.StandardCharsets.UTF_8);
                if (v.matches(WebcamHub.NAME_PATTERN)) {
                    return v;
                }
            }
        }
        return WebcamHub.DEFAULT_NAME;
    }
}
