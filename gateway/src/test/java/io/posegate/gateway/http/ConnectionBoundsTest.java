package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ui.UiGateway;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Half-sent request headers are closed by the header-read timeout, answers in progress are not; connections per address are capped. */
class ConnectionBoundsTest {
    private static JsonObject config(int maxPerAddress, int headerTimeout) {
        return new JsonObject().put("model", "demo-simulated").put("streams", new JsonObject())
                .put("http", new JsonObject().put("maxConnectionsPerAddress", maxPerAddress).put("headerTimeoutSeconds", headerTimeout));
    }

    @Test
    void hundredSocketsSendingHalfAHeaderAreClosed() throws Exception {
        try (UiGateway gateway = new UiGateway(config(500, 1))) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    Socket s = RawHttp.open(gateway.port());
                    s.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: " + i).getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                    sockets.add(s);
                }
                int closed = 0;
                for (Socket s : sockets) {
                    if (endsWithoutAnswer(s)) {
                        closed++;
                    }
                }
                assertEquals(100, closed, "every half-sent request is closed by the server, with no answer");
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
            assertEquals(200, gateway.status("/health"), "the server still answers");
        }
    }

    @Test
    void aRequestWhoseBodyNeverArrivesWholeIsClosed() throws Exception {
        try (UiGateway gateway = new UiGateway(config(500, 1)); Socket s = RawHttp.open(gateway.port())) {
            s.getOutputStream().write(("PUT /api/streams/slow HTTP/1.1\r\nHost: 127.0.0.1:" + gateway.port() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"source\":").getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            assertTrue(closedByServer(s), "the server closes a connection whose 100-byte body stops after 10 bytes");
        }
    }

    /** Whether the server closes {@code s} (reads wait up to RawHttp's 60 s socket timeout, which only stops a hung test). */
    private static boolean closedByServer(Socket s) {
        try {
            while (s.getInputStream().read() >= 0) {
                // an answer, if any, is read through to the close
            }
            return true;
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().contains("reset");
        }
    }

    @Test
    void answersInProgressOutliveTheHeaderTimeout() throws Exception {
        JsonObject cfg = UiGateway.demoConfig().put("http", new JsonObject().put("headerTimeoutSeconds", 1));
        try (UiGateway gateway = new UiGateway(cfg)) {
            java.util.concurrent.atomic.AtomicInteger poses = new java.util.concurrent.atomic.AtomicInteger();
            io.vertx.core.http.WebSocket ws = gateway.webSocket("/ws", t -> {
                if (t.contains("\"type\":\"poses\"")) {
                    poses.incrementAndGet();
                }
            });
            // 60 frames of a 15 fps stream span about 4 s, several header timeouts
            io.posegate.gateway.testing.Await.until(() -> poses.get() >= 60 || ws.isClosed(), io.posegate.gateway.testing.Await.PATIENCE,
                    () -> "60 pose frames on one socket");
            assertTrue(!ws.isClosed() && poses.get() >= 60, "the WebSocket was closed after " + poses.get() + " frames");
            try (Socket s = RawHttp.open(gateway.port())) {
                s.getOutputStream().write(("GET /api/streams/demo/mjpeg HTTP/1.1\r\nHost: 127.0.0.1:" + gateway.port() + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                assertEquals(200, RawHttp.readHead(s.getInputStream()).status());
                byte[] buf = new byte[64 * 1024];
                long total = 0;
                int parts = 0;
                while (parts < 60) {
                    int n = s.getInputStream().read(buf);
                    assertTrue(n > 0, "the MJPEG stream ended after " + parts + " parts");
                    total += n;
                    parts += count(buf, n);
                }
                assertTrue(total > 0);
            }
        }
    }

    /** JPEG start-of-image markers in the first {@code n} bytes. */
    private static int count(byte[] b, int n) {
        int c = 0;
        for (int i = 0; i + 2 < n; i++) {
            if ((b[i] & 0xff) == 0xff && (b[i + 1] & 0xff) == 0xd8 && (b[i + 2] & 0xff) == 0xff) {
                c++;
            }
        }
        return c;
    }

    @Test
    void connectionsPerAddressAreCapped() throws Exception {
        try (UiGateway gateway = new UiGateway(config(4, 60))) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = RawHttp.open(gateway.port());
                    s.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    assertEquals(200, RawHttp.readHead(s.getInputStream()).status(), "kept-alive connection " + i);
                    held.add(s);
                }
                io.posegate.gateway.testing.Await.until(() -> {
                    try (Socket extra = RawHttp.open(gateway.port())) {
                        extra.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        return endsWithoutAnswer(extra);
                    } catch (IOException e) {
                        return true;
                    }
                }, io.posegate.gateway.testing.Await.PATIENCE, () -> "a fifth connection from 127.0.0.1 closed unanswered");
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
            io.posegate.gateway.testing.Await.until(() -> {
                try {
                    return RawHttp.request(gateway.port(), "GET", "/health", Map.of(), null).status() == 200;
                } catch (IOException e) {
                    return false;
                }
            }, io.posegate.gateway.testing.Await.PATIENCE, () -> "/health once the held connections are gone");
        }
    }

    /** Whether the server closes {@code s} without sending a byte (reads are bounded by the socket timeout). */
    private static boolean endsWithoutAnswer(Socket s) {
        try {
            s.setSoTimeout(20_000);
            return s.getInputStream().read() < 0;
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().contains("reset");
        }
    }
}
