package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.posegate.gateway.e2e.GatewayHarness;
import io.posegate.gateway.testing.Await;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented ACL file ({@code config/fleet/mosquitto.acl}) on a real mosquitto with passwords: a box's
 * credentials cannot publish another box's desired config (nor its own, nor a command), while its own
 * status goes through and the hub's credentials may publish desired config.
 */
class MosquittoAclTest {
    @TempDir
    Path tmp;

    @Test
    void aBoxCannotPublishAnotherBoxsDesiredConfig() throws Exception {
        Path acl = GatewayHarness.CONFIG_DIR.resolve("fleet/mosquitto.acl");
        Path passwords = tmp.resolve("passwords");
        Files.writeString(passwords, "");
        passwd(passwords, "hub", "hub-secret");
        passwd(passwords, "box-1", "box-1-secret");
        passwd(passwords, "box-2", "box-2-secret");
        String conf = "allow_anonymous false\npassword_file " + passwords + "\nacl_file " + acl + "\n";
        try (Mosquitto m = Mosquitto.start(tmp.resolve("broker"), conf);
             MqttProbe hub = new MqttProbe(m.url(), "hub", "hub", "hub-secret");
             MqttProbe box1 = new MqttProbe(m.url(), "box-1", "box-1", "box-1-secret")) {
            hub.subscribe("posegate/v1/#");
            JsonObject evil = new JsonObject().put("v", 1).put("version", 99).put("rolloutId", "evil")
                    .put("config", new JsonObject().put("backend", "tensorrt"));
            Mqtt5PubAckReasonCode other = box1.publish("posegate/v1/box/box-2/config/desired", evil, true, null);
            Mqtt5PubAckReasonCode own = box1.publish("posegate/v1/box/box-1/config/desired", evil, true, null);
            Mqtt5PubAckReasonCode cmd = box1.publish("posegate/v1/box/box-2/cmd/restart-stream", new JsonObject().put("id", "x"), false, null);
            Mqtt5PubAckReasonCode status = box1.publish("posegate/v1/box/box-1/status", new JsonObject().put("state", "online"), true, null);
            Mqtt5PubAckReasonCode byHub = hub.publish("posegate/v1/box/box-2/config/desired",
                    new JsonObject().put("v", 1).put("version", 1).put("config", new JsonObject()), true, null);

            List<String> topics = new ArrayList<>();
            Await.until(() -> {
                JsonObject msg;
                while ((msg = hub.messages.poll()) != null) {
                    topics.add(msg.getString("topic") + " " + msg.getJsonObject("payload").getValue("rolloutId"));
                }
                return topics.contains("posegate/v1/box/box-2/config/desired null") && topics.contains("posegate/v1/box/box-1/status null");
            }, FleetWaits.PATIENCE, () -> "the allowed messages; got " + topics);
            assertTrue(topics.stream().noneMatch(t -> t.endsWith(" evil")), "no desired config from a box got through: " + topics);
            assertTrue(topics.stream().noneMatch(t -> t.contains("/cmd/")), "no command from a box got through: " + topics);
            for (Mqtt5PubAckReasonCode denied : List.of(other, own, cmd)) {
                assertEquals(Mqtt5PubAckReasonCode.NOT_AUTHORIZED, denied, "mosquitto answers a denied QoS 1 publish with 'not authorized'");
            }
            assertNotEquals(Mqtt5PubAckReasonCode.NOT_AUTHORIZED, status);
            assertNotEquals(Mqtt5PubAckReasonCode.NOT_AUTHORIZED, byHub);
        }
    }

    private static void passwd(Path file, String user, String password) throws Exception {
        Process p = new ProcessBuilder("mosquitto_passwd", "-b", file.toString(), user, password).inheritIO().start();
        assertEquals(0, p.waitFor(), "mosquitto_passwd");
    }
}
