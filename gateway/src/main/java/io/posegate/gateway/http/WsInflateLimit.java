package io.posegate.gateway.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtensionHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Bounds what a compressed WebSocket message may inflate to, while it inflates. Vert.x 5.0.8 builds its
 * permessage-deflate decoder without a limit, so one 61 KB frame could inflate to 60 MiB on the event
 * loop. For each new HTTP/1 connection this swaps Vert.x's extension handler (pipeline name
 * {@code webSocketExtensionHandler}) for one whose inflater stops at {@code maxBytes}, and puts a handler
 * behind it that answers the overflow with close code 1009 (message too big) and closes the connection.
 * Uses Vert.x's internal {@link ConnectionBase} to reach the Netty pipeline.
 */
final class WsInflateLimit extends ChannelInboundHandlerAdapter {
    static final String EXTENSIONS = "webSocketExtensionHandler";
    private final int maxBytes;

    private WsInflateLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Installs the bound on a fresh connection; false when the connection is not one it can change (HTTP/2). */
    static boolean install(HttpConnection connection, int maxBytes, int compressionLevel) {
        if (!(connection instanceof ConnectionBase base)) {
            return false;
        }
        ChannelPipeline p = base.channel().pipeline();
        if (p.get(EXTENSIONS) == null || p.get("handler") == null) {
            return false;
        }
        PerMessageDeflateServerExtensionHandshaker deflate = new PerMessageDeflateServerExtensionHandshaker(compressionLevel,
                ZlibCodecFactory.isSupportingWindowSizeAndMemLevel(), PerMessageDeflateServerExtensionHandshaker.MAX_WINDOW_SIZE,
                false, false, maxBytes);
        p.replace(EXTENSIONS, EXTENSIONS, new WebSocketServerExtensionHandler(deflate));
        p.addBefore("handler", "posegateInflateLimit", new WsInflateLimit(maxBytes));
        return true;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecompressionException) {
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG,
                    "message inflates past " + maxBytes + " bytes")).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }
}
