package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.control.ConfigReloader;
import io.posegate.gateway.e2e.GatewayHarness;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.GatewayClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /ready} of a box in a fleet, with its agent in this JVM on a real broker: connected is reported; the broker
 * stopped is reported as disconnected (with the cause) while {@code /ready} stays 200, since the box still serves
 * its own streams; the broker back is reported connected again. Neither the broker URL's password nor
 * {@code fleet.password} ever shows. Against mosquitto and against the hub's embedded HiveMQ CE.
 */
class FleetReadyTest {
    private static final Logger LOG = Logger.getLogger(FleetReadyTest.class.getName());
    private static final String URL_SECRET = "url-s3cret";
    private static final String PASSWORD = "cfg-s3cret";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mosquitto", "embedded"})
    void readyReportsTheBrokerConnectionAndStaysUpWithoutIt(String brokerKind) throws Exception {
        Vertx vertx = Vertx.vertx();
        try (FleetBroker broker = FleetBrokers.start(brokerKind, tmp.resolve("broker"))) {
            URI u = URI.create(broker.url());
            String brokerWithPassword = "mqtt://ready-box:" + URL_SECRET + "@" + u.getHost() + ":" + u.getPort();
            GatewayClient client = new GatewayClient(vertx, deployBox(vertx, brokerWithPassword), null);
            Await.until(() -> send(client).statusCode() == 200, FleetWaits.PATIENCE, () -> "/ready 200 once the stream is live");

            JsonObject up = awaitFleet(client, f -> f.getBoolean("connected"), "connected");
            assertEquals("ready-box", up.getString("boxId"), up.encode());
            assertEquals("mqtt://ready-box:***@" + u.getHost() + ":" + u.getPort(), up.getString("broker"), up.encode());
            assertNotNull(up.getString("since"), up.encode());

            broker.stop();
            JsonObject down = awaitFleet(client, f -> !f.getBoolean("connected"), "disconnected after the broker stopped");
            assertFalse(down.getString("lastError", "").isEmpty(), "the cause is shown: " + down.encode());
            LOG.info(brokerKind + ": /ready's fleet check with the broker stopped: " + down.encode());

            broker.restart();
            awaitFleet(client, f -> f.getBoolean("connected"), "connected again after the broker restarted");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** Deploys a demo box with the fleet agent (as {@code run} does); returns its HTTP port. */
    private int deployBox(Vertx vertx, String broker) throws Exception {
        Path yaml = tmp.resolve("box.yaml");
        Files.writeString(yaml, "http: {port: 0}\nmodelsDir: " + GatewayHarness.CONFIG_DIR.resolve("models") + "\n"
                + "model: demo-simulated\nbackend: simulated\nstreams:\n  main: {source: \"demo:?people=1&fps=5\"}\n"
                + "inference: {stallTimeoutMs: 3600000}\n" // only the fleet may decide /ready here, not a loaded machine
                + "fleet:\n  broker: " + broker + "\n  boxId: ready-box\n  username: ready-box\n  password: " + PASSWORD + "\n"
                + "  stateDir: " + tmp.resolve("state") + "\n");
        GatewayConfigLoader loader = new GatewayConfigLoader(vertx, yaml);
        GatewayConfig config = loader.load(Map.of()).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        GatewayVerticle gateway = GatewayLauncher.deploy(vertx, config).toCompletionStage().toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        FleetVerticle fleet = new FleetVerticle(config.fleet(), gateway, loader,
                new ConfigReloader(vertx, gateway.gateway(), loader, Map.of()));
        vertx.deployVerticle(fleet).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        return gateway.actualPort();
    }

    /**
     * Polls {@code /ready} until its fleet check's data is {@code wanted}; every reply on the way must be 200 with an
     * UP fleet check, and the last one UP with no secret in it. Returns that data.
     */
    private static JsonObject awaitFleet(GatewayClient client, Predicate<JsonObject> wanted, String what) throws Exception {
        JsonObject[] last = new JsonObject[1];
        String[] body = new String[1];
        Await.until(() -> {
            HttpResponse<byte[]> r = send(client);
            body[0] = new String(r.body(), StandardCharsets.UTF_8);
            assertEquals(200, r.statusCode(), "the fleet never turns /ready DOWN: " + body[0]);
            JsonObject fleet = fleetCheck(new JsonObject(body[0]));
            last[0] = fleet.getJsonObject("data");
            assertEquals("UP", fleet.getString("status"), body[0]);
            return wanted.test(last[0]);
        }, FleetWaits.PATIENCE, () -> "/ready's fleet check " + what + "; last reply: " + body[0]);
        assertEquals("UP", new JsonObject(body[0]).getString("outcome"), body[0]);
        assertFalse(body[0].contains(URL_SECRET) || body[0].contains(PASSWORD), "no broker password in /ready: " + body[0]);
        return last[0];
    }

    private static HttpResponse<byte[]> send(GatewayClient client) {
        try {
            return client.http("GET", "/ready", null);
        } catch (Exception e) {
            throw new AssertionError("GET /ready failed: " + e, e);
        }
    }

    private static JsonObject fleetCheck(JsonObject ready) {
        for (Object o : ready.getJsonArray("checks")) {
            JsonObject c = (JsonObject) o;
            if ("fleet".equals(c.getString("id"))) {
                return c;
            }
        }
        throw new AssertionError("no fleet check in " + ready.encode());
    }
}
