package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.testing.Await;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link WsHub}: one encode per frame for all clients, and a client that never reads costs bounded memory. */
class WsHubFanoutTest {
    private final Vertx server = Vertx.vertx();
    private final Vertx clientSide = Vertx.vertx();
    private final AtomicInteger encodes = new AtomicInteger();
    private Context loop;
    private int port;

    @AfterEach
    void close() throws Exception {
        clientSide.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        server.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private WsHub start(int queueLimit) throws Exception {
        WsHub hub = new WsHub(queueLimit, text -> {
            encodes.incrementAndGet();
            return Buffer.buffer(text);
        });
        loop = server.getOrCreateContext();
        java.util.concurrent.CompletableFuture<HttpServer> listening = new java.util.concurrent.CompletableFuture<>();
        loop.runOnContext(v -> server.createHttpServer()
                .webSocketHandler(ws -> hub.accept(ws, () -> new JsonObject().put("v", 1).put("type", "hello")))
                .listen(0, "127.0.0.1").onComplete(r -> {
                    if (r.succeeded()) {
                        listening.complete(r.result());
                    } else {
                        listening.completeExceptionally(r.cause());
                    }
                }));
        port = listening.get(60, TimeUnit.SECONDS).actualPort();
        return hub;
    }

    private BlockingQueue<String> connect() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocketClient client = clientSide.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20));
        ClientWebSocket ws = client.webSocket();
        ws.textMessageHandler(received::add);
        ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws"))
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        Await.next(received, m -> m.contains("\"hello\""), Await.PATIENCE, () -> "the hello message");
        return received;
    }

    private void broadcast(WsHub hub, String stream, String text) {
        loop.runOnContext(v -> hub.broadcast(stream, text));
    }

    @Test
    void eachFrameIsEncodedOnceAndEveryClientGetsTheSameText() throws Exception {
        WsHub hub = start(8);
        List<BlockingQueue<String>> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clients.add(connect());
        }
        Await.until(() -> hub.clientCount() == 6, Await.PATIENCE, () -> "6 clients registered, got " + hub.clientCount());
        List<String> frames = List.of("{\"v\":1,\"type\":\"pose\",\"seq\":1,\"stream\":\"café\"}",
                "{\"v\":1,\"type\":\"pose\",\"seq\":2,\"people\":[]}", "{\"v\":1,\"type\":\"pose\",\"seq\":3,\"note\":\"ü→✓\"}");
        frames.forEach(f -> broadcast(hub, "cam", f));
        for (BlockingQueue<String> c : clients) {
            for (String expected : frames) {
                String got = c.poll(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertEquals(expected, got, "every client receives each frame's exact text, in order");
            }
        }
        assertEquals(frames.size(), encodes.get(), "one encode per frame for " + clients.size() + " clients");
    }

    @Test
    void aClientThatNeverReadsDoesNotHoldBackOthersAndItsQueueStaysBounded() throws Exception {
        int queueLimit = 4;
        WsHub hub = start(queueLimit);
        BlockingQueue<String> healthy = connect();
        try (Socket stalled = neverReadingClient()) {
            Await.until(() -> hub.clientCount() == 2, Await.PATIENCE, () -> "2 clients registered, got " + hub.clientCount());
            String pad = "x".repeat(64 * 1024);
            int frames = 300;
            for (int i = 0; i < frames; i++) {
                String text = "{\"v\":1,\"type\":\"pose\",\"seq\":" + (1000 + i) + ",\"pad\":\"" + pad + "\"}";
                broadcast(hub, "cam", text);
                String got = healthy.poll(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertEquals(text, got, "the healthy client gets frame " + i + " although the other never reads");
            }
            long frameBytes = ("{\"v\":1,\"type\":\"pose\",\"seq\":1000,\"pad\":\"" + pad + "\"}").length();
            assertTrue(hub.dropped("cam") > 0, "the stalled client's frames are dropped once its queues are full");
            assertTrue(hub.dropped() < frames, "only the stalled client drops: " + hub.dropped());
            assertTrue(hub.queuedBytes() <= queueLimit * frameBytes,
                    "queued for the stalled client: " + hub.queuedBytes() + " bytes, bound " + queueLimit * frameBytes
                            + " (of " + frames * frameBytes + " broadcast)");
            assertEquals(frames, encodes.get(), "one encode per frame");
        }
        Await.until(() -> hub.clientCount() == 1 && hub.queuedBytes() == 0, Await.PATIENCE,
                () -> "the closed client forgotten with its queue: clients " + hub.clientCount() + ", queued " + hub.queuedBytes());
    }

    /** A WebSocket handshake over a plain socket that is never read again. */
    private Socket neverReadingClient() throws Exception {
        Socket s = RawHttp.open(port);
        OutputStream out = s.getOutputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        assertEquals(101, RawHttp.readHead(s.getInputStream()).status());
        return s;
    }
}
