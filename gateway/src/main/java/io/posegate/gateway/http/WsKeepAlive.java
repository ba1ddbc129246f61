package io.posegate.gateway.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/**
 * Idle timeout for a {@code /ws} client: a ping every {@code intervalSeconds}; a client that has not
 * answered with a pong (browsers and Vert.x answer on their own) for twice that is closed with 1001.
 */
final class WsKeepAlive {
    private WsKeepAlive() {
    }

    static void start(Vertx vertx, ServerWebSocket ws, int intervalSeconds) {
        long interval = intervalSeconds * 1_000_000_000L;
        long[] lastPong = {System.nanoTime()};
        ws.pongHandler(b -> lastPong[0] = System.nanoTime());
        vertx.setPeriodic(intervalSeconds * 1000L, timer -> {
            if (ws.isClosed()) {
                vertx.cancelTimer(timer);
            } else if (System.nanoTime() - lastPong[0] > 2 * interval) {
                vertx.cancelTimer(timer);
                ws.close((short) 1001, "idle: no pong for " + 2 * intervalSeconds + " s");
            } else {
                ws.writePing(Buffer.buffer("posegate"));
            }
        });
    }
}
