package io.posegate.gateway.ui;

import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.metrics.PoseMetrics;
import io.posegate.gateway.testing.GatewayClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real gateway for the dashboard, metrics and health tests: the production launcher on a Vertx built
 * like {@code posegate run} builds it (Micrometer metrics on), an ephemeral port, and blocking HTTP helpers.
 */
public final class UiGateway implements AutoCloseable {
    /** The repository's config folder, seen from the gateway module (tests) or the repository root (exec:java). */
    public static final Path CONFIG_DIR = java.nio.file.Files.isDirectory(Path.of("..", "config", "models"))
            ? Path.of("..", "config").toAbsolutePath().normalize() : Path.of("config").toAbsolutePath().normalize();

    private final Vertx vertx = PoseMetrics.newVertx();
    private final GatewayVerticle verticle;
    private final GatewayClient client;

    /** The demo: one stream {@code demo} of 4 synthetic people through the simulated backend. */
    public static JsonObject demoConfig() {
        return new JsonObject().put("model", "demo-simulated").put("backend", "auto")
                .put("streams", new JsonObject().put("demo", new JsonObject().put("source", "demo:?people=4&fps=15")));
    }

    public UiGateway(JsonObject config) throws Exception {
        this(config, CONFIG_DIR);
    }

    /** @param baseDir the folder relative paths in {@code config} resolve against (models, media) */
    public UiGateway(JsonObject config, Path baseDir) throws Exception {
        this(config, baseDir, 0);
    }

    /** @param port the port to listen on, 0 for any free one (a restart test reuses the port of a closed gateway) */
    public UiGateway(JsonObject config, Path baseDir, int port) throws Exception {
        JsonObject c = config.copy();
        if (!c.containsKey("modelsDir")) {
            c.put("modelsDir", CONFIG_DIR.resolve("models").toString());
        }
        GatewayConfig cfg = GatewayConfigs.parse(c.put("http", c.getJsonObject("http", new JsonObject()).copy().put("port", port)), baseDir);
        verticle = GatewayLauncher.deploy(vertx, cfg).toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
        client = new GatewayClient(vertx, port(), verticle.generatedAdminToken());
    }

    /** Opens a WebSocket at {@code uri} with text messages going to {@code onText} from the very first one. */
    public WebSocket webSocket(String uri, Consumer<String> onText) throws Exception {
        return client.webSocket(uri, onText);
    }

    public GatewayVerticle verticle() {
        return verticle;
    }

    public int port() {
        return verticle.actualPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The admin token the gateway generated at start (the test configs have no tokens). */
    public String adminToken() {
        return verticle.generatedAdminToken();
    }

    /** The login URL of {@code path}, as {@code posegate run} prints it: a new single-use login code (admin, once). */
    public String codeLoginUrl(String path) {
        return url(path) + "?login=" + verticle.newLoginCode();
    }

    /** The login URL of {@code path} with the admin token itself (as older runs printed it; it still logs in). */
    public String loginUrl(String path) {
        return url(path) + "?token=" + adminToken();
    }

    public Vertx vertx() {
        return vertx;
    }

    /** A GET or other request; returns status, content-type and body. */
    public Reply request(HttpMethod method, String path, JsonObject body) throws Exception {
        HttpResponse<byte[]> r = client.http(method.name(), path, body == null ? null : body.encode());
        return new Reply(r.statusCode(), r.headers().firstValue("content-type").orElse(null), Buffer.buffer(r.body()));
    }

    public Reply get(String path) throws Exception {
        return request(HttpMethod.GET, path, null);
    }

    /** The status code of a GET, or -1 when the request itself failed. */
    public int status(String path) {
        try {
            return get(path).status();
        } catch (Exception e) {
            return -1;
        }
    }

    public JsonObject json(String path) throws Exception {
        Reply r = get(path);
        if (r.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.status() + ": " + r.body());
        }
        return r.body().toJsonObject();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** An HTTP answer. */
    public record Reply(int status, String contentType, Buffer body) {
        public String text() {
            return body.toString();
        }
    }
}
