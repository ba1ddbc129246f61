package io.posegate.gateway.fleet;

import io.posegate.gateway.auth.Role;
import io.posegate.gateway.auth.TokenStore;
import io.posegate.gateway.config.SecurityConfig;
import io.posegate.gateway.fleet.MqttConnections.Settings;
import io.posegate.gateway.hub.HubVerticle;
import io.posegate.gateway.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The hub (its verticle on its own Vert.x, real HTTP on an ephemeral port) and a JDK HTTP client for its API. */
final class HubHarness implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final HubVerticle hub;
    private final String deploymentId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final TokenStore tokens = new TokenStore(List.of());
    private final String adminToken = tokens.issue("hub-test", Role.ADMIN);
    private final String viewerToken = tokens.issue("hub-viewer", Role.VIEWER);

    HubHarness(String broker) throws Exception {
        this(new Settings(broker, "posegate-hub-test", null, null, null, null));
    }

    /** A hub with {@code security} (e.g. {@code auth.anonymous: none}) and this harness's tokens. */
    HubHarness(String broker, SecurityConfig security) throws Exception {
        this(new Settings(broker, "posegate-hub-test", null, null, null, null), security);
    }

    HubHarness(Settings broker) throws Exception {
        this(broker, SecurityConfig.defaults());
    }

    HubHarness(Settings broker, SecurityConfig security) throws Exception {
        hub = new HubVerticle(broker, "127.0.0.1", 0, security, tokens);
        try {
            deploymentId = vertx.deployVerticle(hub).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
    }

    /** Undeploys the hub's verticle (Vert.x keeps running until {@link #close()}). */
    void undeploy() throws Exception {
        vertx.undeploy(deploymentId).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    HubVerticle verticle() {
        return hub;
    }

    /** The hub's tokens (a test may replace them, as a config reload would). */
    TokenStore tokens() {
        return tokens;
    }

    /** The admin token every request of {@link #send} carries. */
    String adminToken() {
        return adminToken;
    }

    String viewerToken() {
        return viewerToken;
    }

    int port() {
        return hub.actualPort();
    }

    JsonObject get(String path) throws Exception {
        return send("GET", path, null).getJsonObject("body");
    }

    /** {status, body} of a request. */
    JsonObject send(String method, String path, JsonObject body) throws Exception {
        return send(method, path, body, adminToken);
    }

    /** {status, body} of a request with {@code token} (or none when null), from the hub's own origin. */
    JsonObject send(String method, String path, JsonObject body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(60)).header("content-type", "application/json")
                .header("origin", "http://127.0.0.1:" + port());
        if (token != null) {
            b.header("authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        String text = r.body();
        return new JsonObject().put("status", r.statusCode())
                .put("body", text.isEmpty() || !text.startsWith("{") ? null : new JsonObject(text));
    }

    /** The box's row from {@code GET /api/boxes}, or null. */
    JsonObject box(String id) throws Exception {
        JsonArray boxes = get("/api/boxes").getJsonArray("boxes");
        for (int i = 0; i < boxes.size(); i++) {
            if (id.equals(boxes.getJsonObject(i).getString("id"))) {
                return boxes.getJsonObject(i);
            }
        }
        return null;
    }

    /** Waits until the box's row satisfies {@code p}; returns that row. */
    JsonObject awaitBox(String id, Predicate<JsonObject> p, String what) throws Exception {
        JsonObject[] seen = new JsonObject[1];
        Await.until(() -> {
            try {
                seen[0] = box(id);
                return seen[0] != null && p.test(seen[0]);
            } catch (Exception e) {
                return false;
            }
        }, FleetWaits.PATIENCE, () -> "box " + id + ": " + what + "; last row: " + seen[0]);
        return seen[0];
    }

    /** Waits until the rollout satisfies {@code p}; returns it. */
    JsonObject awaitRollout(String id, Predicate<JsonObject> p, String what) throws Exception {
        JsonObject[] seen = new JsonObject[1];
        Await.until(() -> {
            try {
                JsonObject r = send("GET", "/api/rollouts/" + id, null);
                seen[0] = r.getJsonObject("body");
                return r.getInteger("status") == 200 && p.test(seen[0]);
            } catch (Exception e) {
                return false;
            }
        }, FleetWaits.PATIENCE, () -> "rollout " + id + ": " + what + "; last: " + seen[0]);
        return seen[0];
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
