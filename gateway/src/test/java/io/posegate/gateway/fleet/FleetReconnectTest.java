package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.posegate.gateway.testing.Await;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A box process behind a TCP proxy on a real mosquitto: a network blip shorter than the will delay does not
 * flap the box offline (a new connection within the will delay cancels the will, MQTT 5.0 3.1.2.5, even with
 * clean start), and after the blip and a broker
 * restart a command still runs once and is answered once (no callback added per reconnect).
 */
class FleetReconnectTest {
    private static final String BOX = "blip";
    private static final String STATUS = "posegate/v1/box/" + BOX + "/status";
    private static final String REPLIES = "test/replies";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mosquitto", "embedded"})
    void aBlipDoesNotFlapOfflineAndCommandsAreAnsweredOnceAfterReconnects(String brokerKind) throws Exception {
        try (FleetBroker m = FleetBrokers.start(brokerKind, tmp.resolve("broker"));
             TcpBlipProxy proxy = new TcpBlipProxy(java.net.URI.create(m.url()).getPort());
             BoxProcess box = BoxProcess.start(tmp, BOX, proxy.url(), List.of(), null, 30)) {
            try {
                try (MqttProbe probe = new MqttProbe(m.url(), "probe-blip")) {
                    probe.subscribe(STATUS);
                    Await.next(probe.messages, msg -> "online".equals(msg.getJsonObject("payload").getString("state")),
                            FleetWaits.PATIENCE, () -> "the box online");
                    probe.messages.clear();
                    proxy.dropAll();
                    List<String> states = new ArrayList<>();
                    Await.next(probe.messages, msg -> {
                        states.add(msg.getJsonObject("payload").getString("state"));
                        return "online".equals(states.get(states.size() - 1));
                    }, FleetWaits.PATIENCE, () -> "the box online again after the blip; statuses so far " + states);
                    assertEquals(List.of("online"), states, "no offline (the will) between the blip and the reconnect");
                }
                m.restart();
                try (MqttProbe probe = new MqttProbe(m.url(), "probe-commands")) {
                    probe.subscribe("posegate/v1/box/" + BOX + "/metrics").subscribe(REPLIES);
                    Await.next(probe.messages, msg -> msg.getString("topic").endsWith("/metrics"), FleetWaits.PATIENCE,
                            () -> "metrics from the box after the broker restart");
                    List<JsonObject> replies = new ArrayList<>();
                    for (String id : List.of("first", "second")) {
                        probe.publish("posegate/v1/box/" + BOX + "/cmd/no-such-command", new JsonObject().put("id", id), false, REPLIES);
                        Await.next(probe.messages, msg -> {
                            if (REPLIES.equals(msg.getString("topic"))) {
                                replies.add(msg.getJsonObject("payload"));
                                return id.equals(msg.getJsonObject("payload").getString("id"));
                            }
                            return false;
                        }, FleetWaits.PATIENCE, () -> "the reply to command " + id + "; replies so far " + replies);
                    }
                    assertEquals(List.of("first", "second"), replies.stream().map(r -> r.getString("id")).toList(),
                            "each command answered once: " + replies);
                }
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n--- box log:\n" + box.log(), e);
            }
        }
    }
}
