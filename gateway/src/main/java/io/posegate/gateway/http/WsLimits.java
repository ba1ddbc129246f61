package io.posegate.gateway.http;

import io.posegate.gateway.ingest.feeds.WebcamLimits;
import io.vertx.core.http.HttpServerOptions;

/**
 * Size bounds of {@code /ws} messages. The cap is the largest webcam JPEG ({@link WebcamLimits#defaults()},
 * 2 MiB) plus 64 KiB, so frames up to the documented limits arrive and are checked by the webcam feed with
 * a clear error, while anything larger, on the wire or inflated, closes the socket with 1009.
 */
final class WsLimits {
    static final int MAX_MESSAGE = WebcamLimits.defaults().maxBytes() + 64 * 1024;

    private WsLimits() {
    }

    static HttpServerOptions apply(HttpServerOptions o) {
        return o.setMaxWebSocketFrameSize(MAX_MESSAGE).setMaxWebSocketMessageSize(MAX_MESSAGE)
                .setPerFrameWebSocketCompressionSupported(false).setPerMessageWebSocketCompressionSupported(true);
    }
}
