package io.posegate.gateway.e2e;

import io.posegate.gateway.cli.GatewayLauncher;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.http.GatewayVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Starts a real gateway (real HTTP server on an ephemeral port) from a config tree, for end-to-end tests. */
public final class GatewayHarness implements AutoCloseable {
    /** The repository's config folder, seen from the gateway module. */
    public static final Path CONFIG_DIR = Path.of("..", "config").toAbsolutePath().normalize();

    private final Vertx vertx = Vertx.vertx(new io.vertx.core.VertxOptions().setWarningExceptionTime(1).setWarningExceptionTimeUnit(TimeUnit.SECONDS));
    private final GatewayVerticle verticle;
    /** Held for the harness's life: Vert.x closes clients that become unreachable, even mid-handshake. */
    private final io.vertx.core.http.WebSocketClient wsClient;
    private final java.net.http.HttpClient httpClient = TestHttp.client();

    public GatewayHarness(JsonObject config) throws Exception {
        GatewayConfig cfg = GatewayConfigs.parse(config.copy().put("http", new JsonObject().put("port", 0)), CONFIG_DIR);
        verticle = GatewayLauncher.deploy(vertx, cfg).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        wsClient = vertx.createWebSocketClient();
    }

    /** Opens a WebSocket to /ws with the harness's client (kept reachable). */
    public WebSocket webSocket() throws Exception {
        return wsClient.connect(port(), "127.0.0.1", "/ws").toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    public int port() {
        return verticle.actualPort();
    }

    public Vertx vertx() {
        return vertx;
    }

    /** Connects a WebSocket client to /ws; every text message lands in the returned queue. */
    public BlockingQueue<JsonObject> connect() throws Exception {
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        io.vertx.core.http.ClientWebSocket ws = wsClient.webSocket();
        ws.textMessageHandler(t -> messages.add(new JsonObject(t)));
        ws.connect(port(), "127.0.0.1", "/ws").toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        return messages;
    }

    /** GET a JSON document from the API. */
    public JsonObject get(String path) throws Exception {
        return new JsonObject(http(io.vertx.core.http.HttpMethod.GET, path, null).body());
    }

    /** {@code /api/streams} for a failure message, or why it could not be read. */
    public String streamsForDiagnosis() {
        try {
            return get("/api/streams").encode();
        } catch (Exception e) {
            return "(GET /api/streams failed: " + e + ")";
        }
    }

    /** Sends a request with a JSON body; returns {status, body}. */
    public JsonObject send(io.vertx.core.http.HttpMethod method, String path, JsonObject body) throws Exception {
        java.net.http.HttpResponse<String> r = http(method, path, body == null ? null : body.encode());
        return new JsonObject().put("status", r.statusCode()).put("body", r.body().isEmpty() ? null : r.body());
    }

    private java.net.http.HttpResponse<String> http(io.vertx.core.http.HttpMethod method, String path, String body) throws Exception {
        return httpClient.send(TestHttp.request(port(), method.name(), path, body), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
