package io.posegate.gateway.http;

import io.posegate.gateway.metrics.HubCounters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Fans pose frames out to WebSocket clients. Runs on the event loop that owns the consumer. Each frame
 * is encoded once (one UTF-8 buffer) and that buffer is written to every subscribed client. Each client
 * has a bounded queue in front of its socket ({@link WsSubscriber}): when the socket's write queue
 * ({@value #SOCKET_QUEUE_BYTES} bytes) is full frames wait there, and when that queue is full too the
 * oldest is dropped and counted. A slow client never blocks the others, and a stalled one holds at most
 * its socket's write queue plus {@code queueLimit} references to shared frames.
 */
public final class WsHub implements HubCounters {
    /** The most bytes Vert.x buffers for one socket before the hub stops writing to it. */
    static final int SOCKET_QUEUE_BYTES = 256 * 1024;
    private final int queueLimit;
    private final Function<String, Buffer> encoder;
    private final Set<WsSubscriber> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Map<String, AtomicLong> droppedByStream = new ConcurrentHashMap<>();
    private final WsSubscriber.Counts counts = new WsSubscriber.Counts() {
        @Override
        public void dropped(String stream) {
            dropped.incrementAndGet();
            droppedByStream.computeIfAbsent(stream, k -> new AtomicLong()).incrementAndGet();
        }

        @Override
        public void queued(long bytesDelta) {
            queuedBytes.addAndGet(bytesDelta);
        }
    };

    public WsHub(int queueLimit) {
        this(queueLimit, Buffer::buffer);
    }

    /** {@code encoder} turns a message into the bytes sent (UTF-8); tests count its calls. */
    WsHub(int queueLimit, Function<String, Buffer> encoder) {
        this.queueLimit = queueLimit;
        this.encoder = encoder;
    }

    /** Registers a client; {@code hello} is sent first. */
    public void accept(ServerWebSocket ws, Supplier<JsonObject> hello) {
        accept(ws, hello, token -> { }, () -> { });
    }

    /**
     * Registers a client; {@code hello} is sent first; {@code onAuth} gets the token of each {@code auth} message;
     * {@code onClose} runs when the socket closes (the hub takes the socket's close handler).
     */
    public void accept(ServerWebSocket ws, Supplier<JsonObject> hello, Consumer<String> onAuth, Runnable onClose) {
        WsSubscriber c = new WsSubscriber(ws, queueLimit, counts, onAuth);
        ws.setWriteQueueMaxSize(SOCKET_QUEUE_BYTES);
        ws.drainHandler(v -> c.flush());
        ws.closeHandler(v -> {
            remove(c);
            onClose.run();
        });
        ws.exceptionHandler(e -> remove(c));
        ws.textMessageHandler(c::onMessage);
        ws.writeTextMessage(hello.get().encode());
        clients.add(c);
    }

    /** Sends {@code text} (an encoded message of {@code stream}) to every subscribed client, encoding it once. */
    public void broadcast(String stream, String text) {
        WsSubscriber.Encoded frame = null;
        for (WsSubscriber c : clients) {
            if (c.ws.isClosed()) {
                remove(c);
            } else if (c.wants(stream)) {
                if (frame == null) {
                    frame = new WsSubscriber.Encoded(stream, encoder.apply(text));
                }
                c.offer(frame);
            }
        }
    }

    private void remove(WsSubscriber c) {
        if (clients.remove(c)) {
            c.clear();
        }
    }

    @Override
    public int clientCount() {
        return clients.size();
    }

    /** Frames dropped for slow clients, all streams. */
    @Override
    public long dropped() {
        return dropped.get();
    }

    public long dropped(String stream) {
        AtomicLong n = droppedByStream.get(stream);
        return n == null ? 0 : n.get();
    }

    /** Bytes of frames waiting in the hub's per-client queues, all clients (shared frames counted per client). */
    public long queuedBytes() {
        return queuedBytes.get();
    }
}
