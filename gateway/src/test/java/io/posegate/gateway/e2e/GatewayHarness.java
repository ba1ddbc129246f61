package io.posegate.gateway.e2e;

import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.testing.GatewayClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    private final GatewayClient client;

    public GatewayHarness(JsonObject config) throws Exception {
        GatewayConfig cfg = GatewayConfigs.parse(config.copy().put("http", new JsonObject().put("port", 0)), CONFIG_DIR);
        verticle = GatewayLauncher.deploy(vertx, cfg).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        client = new GatewayClient(vertx, port(), verticle.generatedAdminToken());
    }

    /** Opens a WebSocket to /ws with no handler yet. */
    public WebSocket webSocket() throws Exception {
        return client.webSocket("/ws", null);
    }

    public int port() {
        return verticle.actualPort();
    }

    /** The admin token the gateway generated at start (the test configs have no tokens). */
    public String adminToken() {
        return verticle.generatedAdminToken();
    }

    public Vertx vertx() {
        return vertx;
    }

    /** Connects a WebSocket client to /ws; every text message lands in the returned queue. */
    public BlockingQueue<JsonObject> connect() throws Exception {
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        client.webSocket("/ws", t -> messages.add(new JsonObject(t)));
        return messages;
    }

    /** GET a JSON document from the API. */
    public JsonObject get(String path) throws Exception {
        return new JsonObject(new String(client.http("GET", path, null).body(), StandardCharsets.UTF_8));
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
        HttpResponse<byte[]> r = client.http(method.name(), path, body == null ? null : body.encode());
        return new JsonObject().put("status", r.statusCode())
                .put("body", r.body().length == 0 ? null : new String(r.body(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
