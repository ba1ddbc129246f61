package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.testing.Await;
import io.posegate.gateway.ui.UiGateway;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An admin's feeding socket naming a feed no running stream reads is refused (1001, {@code no stream reads
 * webcam:NAME}) without ever joining the WebSocket hub: it is sent no {@code hello} and is not counted in
 * {@code posegate_ws_clients}, even while its client has not answered the close (Vert.x only sees the socket as closed
 * once the peer's close frame came). The client here is a raw socket that never answers the close frame.
 */
class RefusedWebcamSocketTest {
    private static final String FEED = "webcam-nobody-reads";

    @Test
    void aRefusedFeedingSocketIsNotGreetedNorCountedAsAClient() throws Exception {
        try (UiGateway gateway = new UiGateway(UiGateway.demoConfig())) {
            assertEquals(0.0, clients(gateway), "no socket open yet");
            try (Socket s = RawHttp.open(gateway.port())) {
                RawHttp.Head head = upgrade(s, gateway, "/ws?webcam=" + FEED);
                assertEquals(101, head.status(), head.text());
                List<WsFrames.Frame> frames = framesUntilCloseAndAfter(s);
                WsFrames.Frame close = frames.stream().filter(f -> f.opcode() == 8).findFirst().orElseThrow(
                        () -> new AssertionError("no close frame: " + texts(frames)));
                assertEquals(1001, close.closeCode());
                assertEquals("no stream reads webcam:" + FEED, new String(close.payload(), 2, close.payload().length - 2,
                        StandardCharsets.UTF_8));
                assertEquals(List.of(), texts(frames), "the refused socket is sent nothing, no hello");
                // the close is not answered: the socket is still open on the server's side
                assertEquals(0, gateway.verticle().hub().clientCount(), "not in the hub");
                assertEquals(0.0, clients(gateway), "not counted in posegate_ws_clients");
            }
            // a socket naming a feed a stream reads is greeted and counted, as before
            UiGateway.Reply put = gateway.request(HttpMethod.PUT, "/api/streams/" + FEED,
                    new JsonObject().put("source", "webcam:" + FEED));
            assertEquals(200, put.status(), put.text());
            try (Socket s = RawHttp.open(gateway.port())) {
                assertEquals(101, upgrade(s, gateway, "/ws?webcam=" + FEED).status());
                Await.until(() -> gateway.verticle().hub().clientCount() == 1, Await.PATIENCE, () -> "the socket joined");
                assertEquals(1.0, clients(gateway));
            }
        }
    }

    private static RawHttp.Head upgrade(Socket s, UiGateway gateway, String path) throws Exception {
        String handshake = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + gateway.port() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Authorization: Bearer " + gateway.adminToken() + "\r\n\r\n";
        s.getOutputStream().write(handshake.getBytes(StandardCharsets.ISO_8859_1));
        return RawHttp.readHead(s.getInputStream());
    }

    /** The frames up to the close frame, then any the server still sends within half a second. */
    private static List<WsFrames.Frame> framesUntilCloseAndAfter(Socket s) throws Exception {
        InputStream in = s.getInputStream();
        List<WsFrames.Frame> frames = new ArrayList<>(WsFrames.readAllUntilClose(in));
        s.setSoTimeout(500);
        try {
            frames.addAll(WsFrames.readAllUntilClose(in));
        } catch (SocketTimeoutException quiet) {
            // nothing more came
        }
        return frames;
    }

    private static List<String> texts(List<WsFrames.Frame> frames) {
        return frames.stream().filter(f -> f.opcode() == 1)
                .map(f -> new String(f.payload(), StandardCharsets.UTF_8))
                .map(t -> t.length() > 80 ? t.substring(0, 80) + "…" : t).toList();
    }

    private static double clients(UiGateway gateway) throws Exception {
        Matcher m = Pattern.compile("(?m)^posegate_ws_clients (\\S+)$").matcher(gateway.get("/metrics").text());
        assertTrue(m.find(), "no posegate_ws_clients in /metrics");
        return Double.parseDouble(m.group(1));
    }
}
