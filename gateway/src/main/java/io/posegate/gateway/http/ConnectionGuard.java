package io.posegate.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Bounds on connections: at most {@code maxPerAddress} open at once per client address (more are closed
 * at once), and a header-read timeout: a connection that has no complete request within
 * {@code headerTimeoutSeconds} of opening, or of its last answer, is closed, so half-sent requests cannot
 * hold sockets. A request being answered (an MJPEG stream) or an upgraded WebSocket is never timed out here.
 * Runs on the server's event loops: {@link #onConnection} as the server's connection handler,
 * {@link #requestHandler()} as the router's first handler.
 */
final class ConnectionGuard {
    private static final Logger LOG = Logger.getLogger(ConnectionGuard.class.getName());
    private final Vertx vertx;
    private final int maxPerAddress;
    private final long timeoutMillis;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<HttpConnection, long[]> timers = new ConcurrentHashMap<>();

    ConnectionGuard(Vertx vertx, int maxPerAddress, int headerTimeoutSeconds) {
        this.vertx = vertx;
        this.maxPerAddress = maxPerAddress;
        this.timeoutMillis = headerTimeoutSeconds * 1000L;
    }

    void onConnection(HttpConnection c) {
        String address = c.remoteAddress() == null ? "?" : c.remoteAddress().hostAddress();
        AtomicInteger n = open.computeIfAbsent(address, k -> new AtomicInteger());
        if (n.incrementAndGet() > maxPerAddress) {
            n.decrementAndGet();
            LOG.fine(() -> "refused a connection from " + address + ": " + maxPerAddress + " already open");
            forceClose(c);
            return;
        }
        long[] timer = {-1};
        timers.put(c, timer);
        arm(c, timer);
        c.closeHandler(v -> {
            timers.remove(c);
            vertx.cancelTimer(timer[0]);
            if (n.decrementAndGet() <= 0) {
                open.remove(address, n);
            }
        });
    }

    /** Marks a complete request header on its connection; the timeout restarts when the answer ends. */
    Handler<RoutingContext> requestHandler() {
        return ctx -> {
            HttpConnection c = ctx.request().connection();
            long[] timer = timers.get(c);
            if (timer != null) {
                vertx.cancelTimer(timer[0]);
                timer[0] = -1;
                boolean upgrade = "websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"));
                if (!upgrade) {
                    ctx.addEndHandler(v -> arm(c, timer));
                } else {
                    timers.remove(c);
                }
            }
            ctx.next();
        };
    }

    private void arm(HttpConnection c, long[] timer) {
        if (timers.get(c) != timer) {
            return;
        }
        vertx.cancelTimer(timer[0]);
        timer[0] = vertx.setTimer(timeoutMillis, id -> {
            if (timers.get(c) == timer && timer[0] == id) {
                forceClose(c);
            }
        });
    }

    /**
     * Closes the socket now. {@link HttpConnection#close()} is a graceful shutdown that waits for the request
     * in progress, which a half-sent request never finishes; the Netty channel (Vert.x internal) closes at once.
     */
    private static void forceClose(HttpConnection c) {
        if (c instanceof ConnectionBase base) {
            base.channel().close();
        } else {
            c.close();
        }
    }

    /** Connections open now from {@code address}. */
    int open(String address) {
        AtomicInteger n = open.get(address);
        return n == null ? 0 : n.get();
    }
}
