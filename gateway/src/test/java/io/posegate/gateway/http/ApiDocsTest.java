package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ui.UiGateway;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's route table is the gateway's: every route it lists exists with that method, every route of the
 * real router is listed, and {@code PUT /api/config} does what the table says (only {@code backend}; streams
 * through {@code /api/streams/{id}}, named in its 400).
 */
class ApiDocsTest {
    private static final Path README = Files.isRegularFile(Path.of("..", "README.md")) ? Path.of("..", "README.md") : Path.of("README.md");
    private static final Pattern ROUTE = Pattern.compile("`(GET|PUT|POST|DELETE) (/[^`\\s]*)`");
    static UiGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = new UiGateway(UiGateway.demoConfig());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    /** "METHOD /path" of each route in the first column of the README's route table ({id} as :id). */
    private static Set<String> documented() throws Exception {
        Set<String> routes = new TreeSet<>();
        for (String line : Files.readAllLines(README)) {
            if (!line.startsWith("| `")) {
                continue;
            }
            Matcher m = ROUTE.matcher(line.split("\\|")[1]);
            while (m.find()) {
                routes.add(m.group(1) + " " + m.group(2).replace("{id}", ":id"));
            }
        }
        return routes;
    }

    @Test
    void theReadmeListsEveryRouteAndOnlyRealOnes() throws Exception {
        Set<String> served = new TreeSet<>();
        for (Route r : gateway.verticle().router().getRoutes()) {
            if (r.getPath() == null || r.methods() == null || !r.isExactPath()) {
                continue; // filters and the static files under /*
            }
            r.methods().forEach(m -> served.add(m.name() + " " + r.getPath()));
        }
        assertTrue(served.contains("PUT /api/config"), "routes found: " + served);
        assertEquals(served, documented(), "README's route table against the router");
    }

    @Test
    void putConfigTakesOnlyTheBackendAndNamesTheStreamsRoute() throws Exception {
        JsonObject streams = new JsonObject().put("streams", new JsonObject().put("two", new JsonObject().put("source", "demo:?people=2")));
        UiGateway.Reply refused = gateway.request(HttpMethod.PUT, "/api/config", streams);
        assertEquals(400, refused.status(), refused.text());
        String error = refused.body().toJsonObject().getString("error");
        assertTrue(error.contains("only 'backend'") && error.contains("PUT or DELETE /api/streams/{id}"), error);
        assertNull(gateway.verticle().gateway().stream("two"), "nothing was added");

        UiGateway.Reply noBackend = gateway.request(HttpMethod.PUT, "/api/config", new JsonObject());
        assertEquals(400, noBackend.status());
        assertTrue(noBackend.text().contains("\"auto|") && noBackend.text().contains("|simulated"), "the example names the backends there are: " + noBackend.text());

        UiGateway.Reply added = gateway.request(HttpMethod.PUT, "/api/streams/two", streams.getJsonObject("streams").getJsonObject("two"));
        assertEquals(200, added.status(), added.text());
        assertNotNull(gateway.verticle().gateway().stream("two"), "the route the error names adds the stream");
        assertEquals(204, gateway.request(HttpMethod.DELETE, "/api/streams/two", null).status());

        UiGateway.Reply swapped = gateway.request(HttpMethod.PUT, "/api/config", new JsonObject().put("backend", "simulated"));
        assertEquals(200, swapped.status(), swapped.text());
        assertEquals("simulated", gateway.verticle().gateway().defaultBackend());
    }
}
