package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.testing.Await;
import io.posegate.gateway.ui.UiGateway;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bounds of {@code /ws}: inflated size cap (1009), message errors, webcam frames up to the documented 2 MiB / 1920×1080. */
class WsBoundsTest {
    static UiGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = new UiGateway(UiGateway.demoConfig());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @Test
    void compressedBombIsClosedWith1009WhileInflating() throws Exception {
        byte[] bomb = WsFrames.deflate(new byte[60 << 20]);
        assertTrue(bomb.length < 128 * 1024, "the bomb is small on the wire: " + bomb.length);
        try (Socket s = RawHttp.open(gateway.port())) {
            String handshake = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + gateway.port() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n";
            s.getOutputStream().write(handshake.getBytes(StandardCharsets.ISO_8859_1));
            RawHttp.Head head = RawHttp.readHead(s.getInputStream());
            assertEquals(101, head.status(), head.text());
            assertTrue(String.valueOf(head.header("Sec-WebSocket-Extensions")).contains("permessage-deflate"), head.text());
            WsFrames.write(s.getOutputStream(), 2, bomb, true);
            WsFrames.Frame close = WsFrames.readUntilClose(s.getInputStream());
            assertNotNull(close, "connection ended without a close frame");
            assertEquals(1009, close.closeCode(), new String(close.payload(), StandardCharsets.UTF_8));
        }
        assertEquals(200, gateway.status("/health"));
    }

    @Test
    void messageOverTheCapClosesWith1009() throws Exception {
        CompletableFuture<Short> closed = new CompletableFuture<>();
        WebSocket ws = gateway.webSocket("/ws", null);
        ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
        ws.writeBinaryMessage(Buffer.buffer(new byte[WsLimits.MAX_MESSAGE + 1]));
        assertEquals((short) 1009, closed.get(60, TimeUnit.SECONDS));
    }

    @Test
    void subscribeWithoutStreamsGetsAClearError() throws Exception {
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket ws = gateway.webSocket("/ws", t -> messages.add(new JsonObject(t)));
        ws.writeTextMessage("{\"type\":\"subscribe\"}");
        JsonObject error = Await.next(messages, m -> "error".equals(m.getString("type")), Await.PATIENCE, () -> "an error message");
        assertTrue(error.getString("message").contains("subscribe needs \"streams\""), error.encode());
        assertFalse(error.getString("message").contains("Exception"), error.encode());
        ws.writeTextMessage("{\"type\":\"subscribe\",\"streams\":[\"demo\"]}");
        Await.next(messages, m -> "poses".equals(m.getString("type")) && "demo".equals(m.getString("stream")), Await.PATIENCE,
                () -> "poses after a valid subscribe");
        ws.close();
    }

    @Test
    void webcamFramesUpToTheDocumentedLimitsArriveAndLargerOnesGetAnError() throws Exception {
        assertEquals(200, gateway.request(HttpMethod.PUT, "/api/streams/big", new JsonObject().put("source", "webcam:big")).status());
        byte[] full = noisyJpeg(1920, 1080);
        assertTrue(full.length > 64 * 1024 && full.length <= 2 << 20, "a 1920x1080 frame between 64 KiB and 2 MiB: " + full.length);
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket ws = gateway.webSocket("/ws?webcam=big", t -> messages.add(new JsonObject(t)));
        ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("streams", new JsonArray().add("big")).encode());
        JsonObject poses = null;
        for (int i = 0; i < 50 && poses == null; i++) {
            ws.writeBinaryMessage(Buffer.buffer(full));
            for (JsonObject m = messages.poll(200, TimeUnit.MILLISECONDS); m != null; m = messages.poll()) {
                assertFalse("error".equals(m.getString("type")), m.encode());
                if ("poses".equals(m.getString("type")) && "big".equals(m.getString("stream"))) {
                    poses = m;
                }
            }
        }
        assertNotNull(poses, "no pose frame for the 1920x1080 webcam stream");
        assertEquals(1920, poses.getInteger("width"));
        byte[] tooBig = new byte[(2 << 20) + 1000];
        System.arraycopy(full, 0, tooBig, 0, full.length);
        ws.writeBinaryMessage(Buffer.buffer(tooBig));
        JsonObject error = Await.next(messages, m -> "error".equals(m.getString("type")), Await.PATIENCE, () -> "an error for 2 MiB + 1000 bytes");
        assertTrue(error.getString("message").contains("exceeds the limit"), error.encode());
        byte[] wide = noisyJpeg(1921, 200);
        ws.writeBinaryMessage(Buffer.buffer(wide));
        JsonObject error2 = Await.next(messages, m -> "error".equals(m.getString("type")), Await.PATIENCE, () -> "an error for 1921 wide");
        assertTrue(error2.getString("message").contains("1921x200"), error2.encode());
        assertFalse(ws.isClosed(), "refused frames keep the socket open");
        ws.close();
    }

    @Test
    void anonymousViewerMayNotSendWebcamFrames() throws Exception {
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        CompletableFuture<WebSocket> opened = new CompletableFuture<>();
        io.vertx.core.http.WebSocketClient client = gateway.vertx().createWebSocketClient();
        client.webSocket().textMessageHandler(t -> messages.add(new JsonObject(t)))
                .connect(new io.vertx.core.http.WebSocketConnectOptions().setPort(gateway.port()).setHost("127.0.0.1").setURI("/ws?webcam=webcam"))
                .onComplete(r -> {
                    if (r.succeeded()) {
                        opened.complete(r.result());
                    } else {
                        opened.completeExceptionally(r.cause());
                    }
                });
        WebSocket ws = opened.get(60, TimeUnit.SECONDS);
        ws.writeBinaryMessage(Buffer.buffer(noisyJpeg(64, 64)));
        JsonObject error = Await.next(messages, m -> "error".equals(m.getString("type")), Await.PATIENCE, () -> "an error for a viewer's frame");
        assertTrue(error.getString("message").contains("admin role"), error.encode());
        ws.close();
        client.close();
    }

    static byte[] noisyJpeg(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Random r = new Random(w * 31L + h);
        for (int y = 0; y < h; y += 8) {
            for (int x = 0; x < w; x += 8) {
                int c = r.nextInt(1 << 24);
                for (int dy = 0; dy < 8 && y + dy < h; dy++) {
                    for (int dx = 0; dx < 8 && x + dx < w; dx++) {
                        img.setRGB(x + dx, y + dy, c);
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }
}
