package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.e2e.GatewayHarness;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub against a real mosquitto: a malformed retained message does not blind it; after a broker restart
 * each message reaches it once; undeploying it frees its port; wrong credentials fail its start with the reason.
 */
class HubRobustnessTest {
    @TempDir
    Path tmp;

    @Test
    void aMalformedRetainedStatusDoesNotBlindTheHub() throws Exception {
        try (Mosquitto m = Mosquitto.start(tmp.resolve("broker"), "");
             MqttProbe box = new MqttProbe(m.url(), "probe-boxes")) {
            box.publish("posegate/v1/box/x/status", new JsonObject().put("state", "online").put("bootSeq", "3"), true, null);
            HubHarness hub = new HubHarness(m.url());
            try {
                box.publish("posegate/v1/box/y/status", new JsonObject().put("v", 1).put("state", "online").put("bootSeq", 4), true, null);
                JsonObject y = hub.awaitBox("y", b -> "online".equals(b.getString("state")), "the valid status of box y");
                assertEquals(4L, y.getLong("bootSeq"));
                assertNull(hub.box("x"), "the malformed status was dropped, not half-applied");
            } finally {
                hub.close();
            }
        }
    }

    @Test
    void afterABrokerRestartEachMessageReachesTheHubOnce() throws Exception {
        try (Mosquitto m = Mosquitto.start(tmp.resolve("broker"), "")) {
            HubHarness hub = new HubHarness(m.url());
            try {
                try (MqttProbe box = new MqttProbe(m.url(), "probe-before")) {
                    box.publish("posegate/v1/box/z/status", new JsonObject().put("v", 1).put("state", "online").put("bootSeq", 1), true, null);
                    hub.awaitBox("z", b -> "online".equals(b.getString("state")), "box z before the restart");
                }
                m.restart();
                try (MqttProbe box = new MqttProbe(m.url(), "probe-after")) {
                    box.publish("posegate/v1/box/z/status", new JsonObject().put("v", 1).put("state", "online").put("bootSeq", 2), true, null);
                    hub.awaitBox("z", b -> b.getLong("bootSeq") == 2, "the hub reconnected after the broker restart");
                    box.publish("posegate/v1/box/z/events", new JsonObject().put("v", 1).put("type", "marker").put("n", 1), false, null);
                    box.publish("posegate/v1/box/z/events", new JsonObject().put("v", 1).put("type", "marker").put("n", 2), false, null);
                    hub.awaitBox("z", b -> markers(hub).contains(2), "the second event");
                    assertEquals(List.of(2, 1), markers(hub), "each event once, newest first");
                }
            } finally {
                hub.close();
            }
        }
    }

    @Test
    void undeployingTheHubClosesItsPort() throws Exception {
        try (Mosquitto m = Mosquitto.start(tmp.resolve("broker"), "")) {
            HubHarness hub = new HubHarness(m.url());
            try {
                int port = hub.port();
                hub.undeploy();
                assertThrows(ConnectException.class, () -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                    }
                }, "nothing listens on the hub's port after undeploy");
            } finally {
                hub.close();
            }
        }
    }

    @Test
    void wrongCredentialsFailTheHubsStartWithTheReason() throws Exception {
        Path passwords = tmp.resolve("passwords");
        Files.writeString(passwords, "");
        Process p = new ProcessBuilder("mosquitto_passwd", "-b", passwords.toString(), "hub", "hub-secret").inheritIO().start();
        assertEquals(0, p.waitFor(), "mosquitto_passwd");
        String conf = "allow_anonymous false\npassword_file " + passwords + "\nacl_file "
                + GatewayHarness.CONFIG_DIR.resolve("fleet/mosquitto.acl") + "\n";
        try (Mosquitto m = Mosquitto.start(tmp.resolve("broker"), conf)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> new HubHarness(new MqttConnections.Settings(
                    m.url(), "posegate-hub-test", "hub", "wrong-password", null, null)));
            String message = e.getCause().getMessage();
            assertTrue(message.contains("hub cannot connect to the broker " + m.url() + ": the broker refused the connection:")
                    && message.contains("--password"), message);
            assertTrue(!message.contains("wrong-password"), "the password is never shown: " + message);
        }
    }

    private static List<Integer> markers(HubHarness hub) {
        JsonArray events;
        try {
            events = hub.get("/api/boxes/z").getJsonArray("events");
        } catch (Exception e) {
            return List.of();
        }
        return events.stream().map(e -> (JsonObject) e).filter(e -> "marker".equals(e.getString("type")))
                .map(e -> e.getInteger("n")).toList();
    }
}
