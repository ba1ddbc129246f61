package io.posegate.gateway.http;

import io.posegate.gateway.metrics.HubCounters;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Fans pose frames out to WebSocket clients. Runs on the event loop that owns the consumer; each client
 * has a bounded queue in front of its socket: when the socket's write queue is full frames wait there,
 * and when that queue is full too the oldest is dropped and counted. A slow client never blocks the
 * others and never grows memory.
 */
public final class WsHub implements HubCounters {
    private final int queueLimit;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final Map<String, AtomicLong> droppedByStream = new ConcurrentHashMap<>();

    public WsHub(int queueLimit) {
        this.queueLimit = queueLimit;
    }

    /** Registers a client; {@code hello} is sent first. */
    public void accept(ServerWebSocket ws, Supplier<JsonObject> hello) {
        accept(ws, hello, token -> { });
    }

    /** Registers a client; {@code hello} is sent first; {@code onAuth} gets the token of each {@code auth} message. */
    public void accept(ServerWebSocket ws, Supplier<JsonObject> hello, Consumer<String> onAuth) {
        Client c = new Client(ws, onAuth);
        ws.setWriteQueueMaxSize(256 * 1024);
        ws.drainHandler(v -> c.flush());
        ws.closeHandler(v -> clients.remove(c));
        ws.exceptionHandler(e -> clients.remove(c));
        ws.textMessageHandler(text -> c.onMessage(text));
        ws.writeTextMessage(hello.get().encode());
        clients.add(c);
    }

    /** Sends {@code text} (an encoded message of {@code stream}) to every subscribed client. */
    public void broadcast(String stream, String text) {
        for (Client c : clients) {
            if (c.ws.isClosed()) {
                clients.remove(c);
            } else {
                c.offer(stream, text);
            }
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

    private final class Client {
        private final ServerWebSocket ws;
        private final ArrayDeque<String[]> queue = new ArrayDeque<>();
        private final Consumer<String> onAuth;
        private volatile Set<String> streams;

        Client(ServerWebSocket ws, Consumer<String> onAuth) {
            this.ws = ws;
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

        void offer(String stream, String text) {
            Set<String> s = streams;
            if (s != null && !s.contains(stream)) {
                return;
            }
            if (queue.isEmpty() && !ws.writeQueueFull()) {
                ws.writeTextMessage(text);
                return;
            }
            if (queue.size() >= queueLimit) {
                String[] old = queue.poll();
                dropped.incrementAndGet();
                droppedByStream.computeIfAbsent(old[0], k -> new AtomicLong()).incrementAndGet();
            }
            queue.add(new String[] {stream, text});
        }

        void flush() {
            while (!queue.isEmpty() && !ws.writeQueueFull()) {
                ws.writeTextMessage(queue.poll()[1]);
            }
        }
    }
}
