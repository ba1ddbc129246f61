package io.posegate.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One {@code /ws} client of a {@link WsHub}: its subscription and a queue of at most {@code limit} frames
 * in front of its socket. A frame is written at once while the socket's write queue has room; otherwise
 * it waits here, and when this queue is full too the oldest waiting frame is dropped. Queued frames are
 * the hub's shared encoded buffers (nothing is copied per client). Used on the hub's event loop only.
 */
final class WsSubscriber {
    /** What the hub is told when this client drops a frame or its queue changes size. */
    interface Counts {
        void dropped(String stream);

        void queued(long bytesDelta);
    }

    /** A frame encoded once for every client: the stream it belongs to and its UTF-8 bytes. */
    record Encoded(String stream, Buffer bytes) {
    }

    final ServerWebSocket ws;
    private final ArrayDeque<Encoded> queue = new ArrayDeque<>();
    private final int limit;
    private final Counts counts;
    private final Consumer<String> onAuth;
    private volatile Set<String> streams;

    WsSubscriber(ServerWebSocket ws, int limit, Counts counts, Consumer<String> onAuth) {
        this.ws = ws;
        this.limit = limit;
        this.counts = counts;
        this.onAuth = onAuth;
    }

    void onMessage(String text) {
        ClientMessage m = ClientMessages.parse(text);
        if (m instanceof ClientMessage.Subscribe s) {
            streams = s.streams().isEmpty() ? null : s.streams();
        } else if (m instanceof ClientMessage.Auth a) {
            onAuth.accept(a.token());
        } else if (m instanceof ClientMessage.Invalid i) {
            ws.writeTextMessage(new JsonObject().put("v", 1).put("type", "error")
                    .put("message", "bad client message: " + i.reason()).encode());
        }
    }

    /** Whether this client wants frames of {@code stream}. */
    boolean wants(String stream) {
        Set<String> s = streams;
        return s == null || s.contains(stream);
    }

    void offer(Encoded frame) {
        if (queue.isEmpty() && !ws.writeQueueFull()) {
            send(frame);
            return;
        }
        if (queue.size() >= limit) {
            Encoded old = queue.poll();
            counts.queued(-old.bytes().length());
            counts.dropped(old.stream());
        }
        queue.add(frame);
        counts.queued(frame.bytes().length());
    }

    void flush() {
        while (!queue.isEmpty() && !ws.writeQueueFull()) {
            Encoded frame = queue.poll();
            counts.queued(-frame.bytes().length());
            send(frame);
        }
    }

    /** Forgets the queue (the socket has closed). */
    void clear() {
        while (!queue.isEmpty()) {
            counts.queued(-queue.poll().bytes().length());
        }
    }

    /**
     * Writes the shared bytes as one text frame. Vert.x's public API only makes text frames from a String
     * (encoding it again), so the frame is built over a slice of the shared buffer: its own read position,
     * the same memory, never released by the write (Vert.x heap buffers are unreleasable).
     */
    private void send(Encoded frame) {
        ws.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, ((BufferInternal) frame.bytes()).getByteBuf(), true));
    }
}
