package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.auth.Role;
import io.posegate.gateway.auth.TokenHash;
import io.posegate.gateway.auth.TokenStore;
import io.posegate.gateway.auth.Tokens;
import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.GatewayClient;
import io.posegate.gateway.testing.WatchedGateway;
import io.posegate.gateway.ui.UiGateway;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token dropped from the store (a config reload) cuts the connections it opened: its {@code /ws} sockets are
 * closed with 1008 "token revoked" and its MJPEG previews ended, while anonymous connections and those of tokens
 * still known keep running. A socket that re-authenticated with an {@code auth} message goes by its newer token.
 */
class TokenRevocationTest {
    private static final Tokens.Issued KEPT = Tokens.newToken();
    private static final Tokens.Issued GONE = Tokens.newToken();
    private static final TokenStore.Entry KEPT_ENTRY = new TokenStore.Entry("kept", Role.VIEWER, KEPT.id(), TokenHash.hash(KEPT.token()));
    private static final TokenStore.Entry GONE_ENTRY = new TokenStore.Entry("gone", Role.VIEWER, GONE.id(), TokenHash.hash(GONE.token()));

    @TempDir
    Path dir;

    /** The demo, anonymous viewers allowed (loopback), and the tokens {@code kept} and {@code gone}. */
    private static UiGateway gateway() throws Exception {
        JsonObject tokens = new JsonObject();
        for (TokenStore.Entry e : List.of(KEPT_ENTRY, GONE_ENTRY)) {
            tokens.put(e.name(), new JsonObject().put("role", "viewer").put("id", e.id()).put("hash", e.hash()));
        }
        return new UiGateway(UiGateway.demoConfig().put("auth", new JsonObject().put("anonymous", "viewer").put("tokens", tokens)));
    }

    @Test
    void aRevokedTokenClosesItsSocketWith1008AndSparesTheOthers() throws Exception {
        try (UiGateway gateway = gateway()) {
            Client revoked = Client.of(gateway, GONE.token());
            Client kept = Client.of(gateway, KEPT.token());
            Client anonymous = Client.of(gateway, null);
            for (Client c : List.of(revoked, kept, anonymous)) {
                c.awaitPoses();
            }

            gateway.verticle().tokens().replace(List.of(KEPT_ENTRY));

            revoked.awaitClosed();
            assertEquals((short) 1008, revoked.ws.closeStatusCode());
            assertEquals("token revoked", revoked.ws.closeReason());
            kept.awaitMorePoses();
            anonymous.awaitMorePoses();
            assertEquals(2, gateway.verticle().tokenBound().size(), "the revoked socket is no longer tracked");
            kept.ws.close();
            anonymous.ws.close();
            Await.until(() -> gateway.verticle().tokenBound().size() == 0, Await.PATIENCE, () -> "closed sockets untracked");
        }
    }

    @Test
    void anAuthMessageMovesTheSocketToItsNewerToken() throws Exception {
        try (UiGateway gateway = gateway()) {
            Client movedAway = Client.of(gateway, GONE.token());
            Client movedOnto = Client.of(gateway, KEPT.token());
            Client anonymousThenGone = Client.of(gateway, null);
            movedAway.auth(KEPT.token());
            movedOnto.auth(GONE.token());
            anonymousThenGone.auth(GONE.token());

            gateway.verticle().tokens().replace(List.of(KEPT_ENTRY));

            movedOnto.awaitClosed();
            anonymousThenGone.awaitClosed();
            assertEquals((short) 1008, movedOnto.ws.closeStatusCode());
            assertEquals((short) 1008, anonymousThenGone.ws.closeStatusCode());
            movedAway.awaitMorePoses();
        }
    }

    @Test
    void aRevokedTokenEndsItsMjpegPreviewAndSparesTheOthers() throws Exception {
        try (UiGateway gateway = gateway();
             Socket revoked = mjpeg(gateway, GONE.token());
             Socket kept = mjpeg(gateway, KEPT.token());
             Socket anonymous = mjpeg(gateway, null)) {
            for (Socket s : List.of(revoked, kept, anonymous)) {
                assertTrue(readChunk(s.getInputStream()).length > 0, "the preview's first part");
            }

            gateway.verticle().tokens().replace(List.of(KEPT_ENTRY));

            long deadline = System.nanoTime() + Await.PATIENCE.toNanos();
            byte[] chunk;
            do {
                chunk = readChunk(revoked.getInputStream()); // parts already on their way, then the last chunk (or the end)
            } while (chunk != null && chunk.length > 0 && System.nanoTime() < deadline);
            assertTrue(chunk == null || chunk.length == 0, "the preview of a revoked token still runs");
            for (Socket s : List.of(kept, anonymous)) {
                for (int i = 0; i < 30; i++) {
                    chunk = readChunk(s.getInputStream());
                    assertNotNull(chunk, "a preview of a known token (or anonymous) ended after " + i + " more parts");
                    assertTrue(chunk.length > 0, "a preview of a known token (or anonymous) ended after " + i + " more parts");
                }
            }
            assertEquals(1, gateway.verticle().tokenBound().size(), "only the kept token's preview is tracked");
            kept.close();
            Await.until(() -> gateway.verticle().tokenBound().size() == 0, Await.PATIENCE, () -> "a closed preview untracked");
        }
    }

    @Test
    void revokingInTheWatchedConfigFileClosesTheSocket() throws Exception {
        String head = "http: {port: 0}\nmodel: demo-simulated\nmodelsDir: " + UiGateway.CONFIG_DIR.resolve("models") + "\n"
                + "streams: {demo: {source: 'demo:?people=2&fps=15'}}\n"
                + "auth:\n  anonymous: none\n  tokens:\n" + yaml(KEPT_ENTRY);
        Path file = Files.writeString(dir.resolve("gateway.yaml"), head + yaml(GONE_ENTRY));
        Vertx vertx = Vertx.vertx();
        try {
            GatewayVerticle v = WatchedGateway.deploy(vertx, file);
            Client revoked = new Client(new GatewayClient(vertx, v.actualPort(), GONE.token()));
            Client kept = new Client(new GatewayClient(vertx, v.actualPort(), KEPT.token()));
            revoked.awaitPoses();
            kept.awaitPoses();

            Files.writeString(file, head);

            revoked.awaitClosed();
            assertEquals((short) 1008, revoked.ws.closeStatusCode());
            kept.awaitMorePoses();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static String yaml(TokenStore.Entry e) {
        return "    \"" + e.name() + "\": {role: viewer, id: \"" + e.id() + "\", hash: \"" + e.hash() + "\"}\n";
    }

    /** A {@code /ws} client counting the pose frames it receives. */
    private static final class Client {
        final AtomicInteger poses = new AtomicInteger();
        final java.util.concurrent.LinkedBlockingQueue<String> others = new java.util.concurrent.LinkedBlockingQueue<>();
        final GatewayClient client; // held: Vert.x closes a WebSocket client that becomes unreachable
        final WebSocket ws;

        Client(GatewayClient client) throws Exception {
            this.client = client;
            ws = client.webSocket("/ws", text -> {
                if (text.contains("\"type\":\"poses\"")) {
                    poses.incrementAndGet();
                } else {
                    others.add(text);
                }
            });
        }

        /** @param token sent as {@code Authorization: Bearer}, or null for an anonymous socket */
        static Client of(UiGateway gateway, String token) throws Exception {
            return new Client(new GatewayClient(gateway.vertx(), gateway.port(), token));
        }

        void auth(String token) throws Exception {
            ws.writeTextMessage("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
            Await.next(others, t -> t.contains("\"type\":\"auth\""), Await.PATIENCE, () -> "the auth answer");
        }

        void awaitPoses() throws InterruptedException {
            Await.until(() -> poses.get() > 0 || ws.isClosed(), Await.PATIENCE, () -> "a pose frame");
            assertFalse(ws.isClosed(), "closed before its first pose frame");
        }

        /** Several more pose frames arrive and the socket stays open. */
        void awaitMorePoses() throws InterruptedException {
            int before = poses.get();
            Await.until(() -> poses.get() >= before + 10 || ws.isClosed(), Await.PATIENCE, () -> "10 more pose frames");
            assertFalse(ws.isClosed(), () -> "closed although its token is still known (or it has none): " + ws.closeStatusCode());
        }

        void awaitClosed() throws InterruptedException {
            Await.until(ws::isClosed, Await.PATIENCE, () -> "the socket of a revoked token closed");
        }
    }

    /** {@code GET /api/streams/demo/mjpeg}, with the token as bearer (or none); the answer's head read (200). */
    private static Socket mjpeg(UiGateway gateway, String token) throws IOException {
        Socket s = RawHttp.open(gateway.port());
        s.getOutputStream().write(("GET /api/streams/demo/mjpeg HTTP/1.1\r\nHost: 127.0.0.1:" + gateway.port() + "\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        RawHttp.Head head = RawHttp.readHead(s.getInputStream());
        assertEquals(200, head.status(), head.text());
        assertTrue(head.text().toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked"), head.text());
        return s;
    }

    /** The next chunk of a chunked body: empty for the last chunk, null when the connection ended first. */
    private static byte[] readChunk(InputStream in) throws IOException {
        String size = line(in);
        if (size == null) {
            return null;
        }
        int n = Integer.parseInt(size.split(";")[0].trim(), 16);
        byte[] data = new byte[n];
        new DataInputStream(in).readFully(data);
        line(in);
        return data;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return b.toString(StandardCharsets.ISO_8859_1).trim();
            }
            b.write(c);
        }
        return null;
    }
}
