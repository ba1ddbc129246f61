package io.posegate.gateway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * How tests talk to a gateway on 127.0.0.1: HTTP with the JDK's client, WebSockets with Vert.x's.
 *
 * <p>HTTP uses the JDK client, independent of the server under test: Vert.x 5.0.8's client, called from a
 * test thread on the gateway's own Vertx, was seen to leave a request unanswered under CPU load while
 * the server answered every request of an outside client under the same load. The WebSocket client is
 * held for the tests' life, because Vert.x closes clients that become unreachable, even mid-handshake.
 *
 * <p>Every request and handshake carries the gateway's admin token (as {@code Authorization: Bearer})
 * when one is given, and an {@code Origin} of the gateway itself, as the dashboard's own requests do.
 */
public final class GatewayClient {
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();
    private final WebSocketClient ws;
    private final String token;

    /** @param token the admin token sent with every request, or null for none */
    public GatewayClient(Vertx vertx, int port, String token) {
        this.port = port;
        this.token = token;
        this.ws = vertx.createWebSocketClient();
    }

    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    /** Sends {@code method path}, with {@code jsonBody} as JSON when not null. */
    public HttpResponse<byte[]> http(String method, String path, String jsonBody) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin() + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            b.header("Origin", origin());
        }
        HttpRequest request = jsonBody == null ? b.method(method, HttpRequest.BodyPublishers.noBody()).build()
                : b.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Opens a WebSocket at {@code uri}; text messages go to {@code onText} (if not null) from the very first one. */
    public WebSocket webSocket(String uri, Consumer<String> onText) throws Exception {
        ClientWebSocket socket = ws.webSocket();
        if (onText != null) {
            socket.textMessageHandler(onText::accept);
        }
        WebSocketConnectOptions o = new WebSocketConnectOptions().setPort(port).setHost("127.0.0.1").setURI(uri)
                .addHeader("Origin", origin());
        if (token != null) {
            o.addHeader("Authorization", "Bearer " + token);
        }
        return socket.connect(o).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
