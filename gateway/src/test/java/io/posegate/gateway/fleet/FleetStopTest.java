package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.MqttClientState;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.control.ConfigReloader;
import io.posegate.gateway.e2e.GatewayHarness;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet agent in this JVM whose broker is down when it is undeployed: it stops reconnecting, so when the
 * broker comes back the stopped box never announces itself online.
 */
class FleetStopTest {
    private static final String STATUS = "posegate/v1/box/stopped-box/status";

    @TempDir
    Path tmp;

    @Test
    void anUndeployedBoxNeverReconnects() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (Mosquitto m = Mosquitto.start(tmp.resolve("broker"), "")) {
            m.close();
            Path yaml = tmp.resolve("box.yaml");
            Files.writeString(yaml, "http: {port: 0}\nmodelsDir: " + GatewayHarness.CONFIG_DIR.resolve("models") + "\n"
                    + "model: demo-simulated\nbackend: simulated\nstreams:\n  main: {source: \"demo:?people=1&fps=5\"}\n"
                    + "fleet:\n  broker: " + m.url() + "\n  boxId: stopped-box\n  stateDir: " + tmp.resolve("state") + "\n");
            GatewayConfigLoader loader = new GatewayConfigLoader(vertx, yaml);
            GatewayConfig config = loader.load(Map.of()).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            GatewayVerticle gateway = GatewayLauncher.deploy(vertx, config).toCompletionStage().toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            FleetVerticle fleet = new FleetVerticle(config.fleet(), gateway, loader,
                    new ConfigReloader(vertx, gateway.gateway(), loader, Map.of()));
            String id = vertx.deployVerticle(fleet).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);

            vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            m.restart();
            Await.until(() -> fleet.agent().connectionState() == MqttClientState.DISCONNECTED, FleetWaits.PATIENCE,
                    () -> "the stopped agent's client to give up (state " + fleet.agent().connectionState() + ")");

            try (MqttProbe probe = new MqttProbe(m.url(), "probe-stop")) {
                probe.subscribe(STATUS).subscribe("test/sentinel");
                probe.publish("test/sentinel", new JsonObject().put("done", true), false, null);
                List<JsonObject> statuses = new ArrayList<>();
                Await.next(probe.messages, msg -> {
                    if (STATUS.equals(msg.getString("topic"))) {
                        statuses.add(msg.getJsonObject("payload"));
                    }
                    return "test/sentinel".equals(msg.getString("topic"));
                }, FleetWaits.PATIENCE, () -> "the sentinel");
                assertTrue(statuses.stream().noneMatch(s -> "online".equals(s.getString("state"))),
                        "the stopped box never announced itself online: " + statuses);
            }
            assertEquals(MqttClientState.DISCONNECTED, fleet.agent().connectionState(), "still stopped");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
