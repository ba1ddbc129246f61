package io.posegate.gateway.http;

import io.posegate.gateway.ingest.feeds.WebcamLimits;
import io.vertx.core.http.HttpServerOptions;

/**
 * Size bounds of {@code /ws} messages. The cap is the largest webcam JPEG ({@link WebcamLimits#defaults()},
 * 2 MiB) plus 64 KiB, so frames up to the documented limits arrive and are checked by the webcam feed with
 * a clear error, while anything larger, on the wire or inflated, closes the socket with 1009. And the
 * kernel's send buffer per connection ({@link #SEND_BUFFER}).
 */
final class WsLimits {
    static final int MAX_MESSAGE = WebcamLimits.defaults().maxBytes() + 64 * 1024;
    /**
     * The kernel send buffer of each connection (Linux doubles it for bookkeeping). Left to autotuning it
     * grows to {@code tcp_wmem}'s maximum (4 MiB by default) for every client that stops reading; fixed, a
     * stalled client costs at most this in the kernel, while 256 KiB still carries MJPEG and pose frames
     * at full rate on a LAN.
     */
    static final int SEND_BUFFER = 256 * 1024;

    private WsLimits() {
    }

    static HttpServerOptions apply(HttpServerOptions o) {
        return o.setSendBufferSize(SEND_BUFFER).setMaxWebSocketFrameSize(MAX_MESSAGE).setMaxWebSocketMessageSize(MAX_MESSAGE)
                .setPerFrameWebSocketCompressionSupported(false).setPerMessageWebSocketCompressionSupported(true);
    }
}
