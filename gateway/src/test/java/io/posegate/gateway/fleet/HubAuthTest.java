package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub uses the gateway's authentication: every route of its router, enumerated from
 * {@code router.getRoutes()}, refuses a change without a token (401) and from a viewer (403), lets an admin
 * through, and refuses a foreign Origin. On its loopback bind, reads stay open, as on the gateway.
 */
class HubAuthTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path tmp;

    @Test
    void everyHubRouteThatChangesStateNeedsTheAdminToken() throws Exception {
        try (Mosquitto broker = Mosquitto.start(tmp.resolve("broker"), "");
             HubHarness hub = new HubHarness(broker.url())) {
            List<String> changing = new ArrayList<>();
            for (Route r : hub.verticle().router().getRoutes()) {
                if (r.getPath() == null || r.methods() == null) {
                    continue; // filters (guard, body, auth) and the static files
                }
                String path = r.getPath().replace(":id", "no-such").replace(":name", "restart-stream");
                for (HttpMethod m : r.methods()) {
                    String key = m.name() + " " + r.getPath();
                    int admin = status(hub, m, path, hub.adminToken());
                    assertFalse(admin == 401 || admin == 403, key + " as admin answered " + admin);
                    if (m == HttpMethod.GET || key.equals("POST /api/login") || key.equals("POST /api/logout")) {
                        continue;
                    }
                    changing.add(key);
                    assertEquals(401, status(hub, m, path, null), key + " without a token");
                    assertEquals(403, status(hub, m, path, hub.viewerToken()), key + " as a viewer");
                }
            }
            assertTrue(changing.containsAll(List.of("POST /api/rollouts", "POST /api/rollouts/:id/rollback", "POST /api/login-codes")),
                    "state-changing routes found: " + changing);
            assertEquals(200, hub.send("GET", "/api/boxes", null, null).getInteger("status"), "reads on loopback stay open");

            HttpRequest foreign = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + "/api/rollouts"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Origin", "http://evil.example").header("Authorization", "Bearer " + hub.adminToken())
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            assertEquals(403, HTTP.send(foreign, HttpResponse.BodyHandlers.discarding()).statusCode(), "foreign Origin");
            assertEquals(Set.of(), Set.copyOf(hub.get("/api/rollouts").getJsonArray("rollouts").getList()),
                    "no rollout was started by any refused request");
        }
    }

    private static int status(HubHarness hub, HttpMethod m, String path, String token) throws Exception {
        return hub.send(m.name(), path, m == HttpMethod.GET ? null : new JsonObject(), token).getInteger("status");
    }
}
