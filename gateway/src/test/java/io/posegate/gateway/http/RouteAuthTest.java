package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ui.UiGateway;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route of the real router, enumerated from {@code router.getRoutes()} so that a new route cannot
 * slip through: 401 without credentials, 403 for a viewer where it changes state, and through for an admin.
 * Only the routes named in {@link #OPEN} may answer without a token.
 */
class RouteAuthTest {
    /** Open by design: health checks, the login routes, and the dashboard's static files (no data in them). */
    static final Set<String> OPEN = Set.of("GET /health", "GET /ready", "POST /api/login", "POST /api/logout",
            "GET /api/session", "GET /");
    static UiGateway gateway;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        gateway = new UiGateway(UiGateway.demoConfig().put("auth", SecuredGateway.auth("none").put("metrics", "viewer")));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @Test
    void everyRouteNeeds401WithoutTokenAnd403AsViewerWhereAdminIsNeeded() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Route r : gateway.verticle().router().getRoutes()) {
            if (r.getPath() == null) {
                continue; // filters run for every request (guard, body, auth): no endpoint of their own
            }
            Set<HttpMethod> methods = r.methods() == null || r.methods().isEmpty()
                    ? Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE) : r.methods();
            String path = r.getPath().replace(":id", "no-such-stream");
            String concrete = r.isExactPath() ? path : path + (path.endsWith("/") ? "" : "/") + "index.html";
            for (HttpMethod m : methods) {
                String key = m.name() + " " + r.getPath();
                checked.add(key);
                boolean changes = m != HttpMethod.GET && m != HttpMethod.HEAD;
                int none = status(m, concrete, null);
                int viewer = status(m, concrete, SecuredGateway.VIEWER.token());
                int admin = status(m, concrete, SecuredGateway.ADMIN.token());
                if (OPEN.contains(key)) {
                    assertFalse(none == 401 || none == 403, key + " is open by design but answered " + none);
                } else {
                    assertEquals(401, none, key + " without credentials");
                    if (changes) {
                        assertEquals(403, viewer, key + " as a viewer");
                    } else {
                        assertFalse(viewer == 401 || viewer == 403, key + " as a viewer answered " + viewer);
                    }
                }
                assertFalse(admin == 401 || admin == 403, key + " as admin answered " + admin);
            }
        }
        System.out.println("routes checked: " + new TreeSet<>(checked));
        assertTrue(checked.containsAll(List.of("PUT /api/config", "PUT /api/streams/:id", "DELETE /api/streams/:id",
                "GET /api/streams", "GET /ws", "GET /metrics", "GET /api/streams/:id/mjpeg")), "routes found: " + checked);
    }

    @Test
    void metricsWithATrailingSlashNeedsTheTokenLikeMetrics() throws Exception {
        for (String path : List.of("/metrics", "/metrics/", "/metrics//", "//metrics/")) {
            assertEquals(401, status(HttpMethod.GET, path, null), path + " without credentials");
            assertEquals(200, status(HttpMethod.GET, path, SecuredGateway.VIEWER.token()), path + " as a viewer");
        }
    }

    @Test
    void everyExactRouteSpelledWithExtraSlashesNeedsTheSameCredentials() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Route r : gateway.verticle().router().getRoutes()) {
            if (r.getPath() == null || !r.isExactPath() || r.methods() == null || !r.methods().contains(HttpMethod.GET)
                    || OPEN.contains("GET " + r.getPath())) {
                continue;
            }
            String path = r.getPath().replace(":id", "no-such-stream");
            for (String spelling : List.of(path + "/", path + "//", "/" + path, path.replaceFirst("/", "//") + "/")) {
                assertEquals(401, status(HttpMethod.GET, spelling, null), "GET " + spelling + " without credentials");
                checked.add(spelling);
            }
        }
        assertTrue(checked.contains("/metrics/") && checked.contains("/api/streams/") && checked.contains("/ws/"), "checked: " + checked);
    }

    @Test
    void badTokenIs401AndUnknownPathsToo() throws Exception {
        assertEquals(401, status(HttpMethod.GET, "/api/streams", "pgt_000000000000_" + "A".repeat(43)));
        assertEquals(401, status(HttpMethod.GET, "/api/nothing-here", null));
        assertEquals(401, status(HttpMethod.GET, "/api/../api/streams", null));
    }

    /** The status of {@code method path}, with the token as a bearer when not null; a state change carries JSON and a same-origin Origin. */
    static int status(HttpMethod method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway.url(path))).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            b.method(method.name(), HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").header("Origin", gateway.url("").replaceAll("/$", ""))
                    .method(method.name(), HttpRequest.BodyPublishers.ofString(new JsonObject().encode()));
        }
        HttpResponse<InputStream> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        r.body().close(); // an MJPEG answer never ends: the status is all we need
        return r.statusCode();
    }
}
