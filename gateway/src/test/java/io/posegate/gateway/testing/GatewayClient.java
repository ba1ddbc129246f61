package io.posegate.gateway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
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
 */
public final class GatewayClient {
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();
    private final WebSocketClient ws;

    public GatewayClient(Vertx vertx, int port) {
        this.port = port;
        this.ws = vertx.createWebSocketClient();
    }

    /** Sends {@code method path}, with {@code jsonBody} as JSON when not null. */
    public HttpResponse<byte[]> http(String method, String path, String jsonBody) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
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
        return socket.connect(port, "127.0.0.1", uri).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
