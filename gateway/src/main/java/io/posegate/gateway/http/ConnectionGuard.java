package io.posegate.gateway.http;

import io.netty.channel.Channel;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Bounds on connections. A header-read timeout: the server's idle timeout (Vert.x's Netty handler
 * {@value #IDLE}) is set to {@code headerTimeoutSeconds}, so a connection that goes quiet before its
 * request header is complete is closed; once a request has arrived the handler is taken out, so an
 * answer in progress (an MJPEG stream) or an upgraded WebSocket is never cut, and put back when a plain
 * answer ends (idle keep-alive connections close too). A request body must then arrive whole within
 * {@code headerTimeoutSeconds} of the header, or the connection is closed (a slow body holds none for
 * ever). And at most {@code maxPerAddress} connections with a request per client address: more are closed at once. Vert.x calls the connection handler when
 * a connection's first request arrives, so the cap counts connections that have sent one. Reaches the
 * Netty pipeline through Vert.x's internal {@link ConnectionBase}.
 */
final class ConnectionGuard {
    static final String IDLE = "idle";
    private static final Logger LOG = Logger.getLogger(ConnectionGuard.class.getName());
    private final int maxPerAddress;
    private final int timeoutSeconds;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

    ConnectionGuard(int maxPerAddress, int headerTimeoutSeconds) {
        this.maxPerAddress = maxPerAddress;
        this.timeoutSeconds = headerTimeoutSeconds;
    }

    /** The server options with the header-read timeout as idle timeout. */
    HttpServerOptions apply(HttpServerOptions o) {
        return o.setIdleTimeout(timeoutSeconds).setIdleTimeoutUnit(TimeUnit.SECONDS);
    }

    void onConnection(HttpConnection c) {
        String address = c.remoteAddress() == null ? "?" : c.remoteAddress().hostAddress();
        AtomicInteger n = open.computeIfAbsent(address, k -> new AtomicInteger());
        if (n.incrementAndGet() > maxPerAddress) {
            n.decrementAndGet();
            LOG.fine(() -> "refused a connection from " + address + ": " + maxPerAddress + " already open");
            Channel ch = channel(c);
            if (ch != null) {
                ch.close();
            } else {
                c.close();
            }
            return;
        }
        c.closeHandler(v -> {
            if (n.decrementAndGet() <= 0) {
                open.remove(address, n);
            }
        });
    }

    /** The router's first handler: the request header is complete, so the idle timeout pauses until the answer ends. */
    Handler<RoutingContext> requestHandler() {
        return ctx -> {
            Channel ch = channel(ctx.request().connection());
            boolean upgrade = "websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"));
            if (!upgrade && !ctx.request().isEnded()) {
                closeUnlessEndedInTime(ctx);
            }
            if (ch != null && ch.pipeline().get(IDLE) != null) {
                ch.pipeline().remove(IDLE);
                if (!upgrade) {
                    ctx.addEndHandler(v -> {
                        if (ch.isActive() && ch.pipeline().get(IDLE) == null) {
                            ch.pipeline().addFirst(IDLE, new IdleStateHandler(0, 0, timeoutSeconds, TimeUnit.SECONDS));
                        }
                    });
                }
            }
            ctx.next();
        };
    }

    /** Closes the request's connection (HTTP/2: resets its stream) if the request has not been read to its end in time. */
    private void closeUnlessEndedInTime(RoutingContext ctx) {
        long timer = ctx.vertx().setTimer(TimeUnit.SECONDS.toMillis(timeoutSeconds), t -> {
            if (!ctx.request().isEnded()) {
                LOG.fine(() -> "closed a connection whose request body did not arrive within " + timeoutSeconds + " s");
                ctx.response().reset();
            }
        });
        ctx.addEndHandler(v -> ctx.vertx().cancelTimer(timer));
    }

    private static Channel channel(HttpConnection c) {
        return c instanceof ConnectionBase base ? base.channel() : null;
    }
}
