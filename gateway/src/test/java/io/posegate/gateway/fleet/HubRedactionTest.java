package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's API serves desired configs redacted: a viewer reading a rollout (its config, the group's and each
 * box's previous config), the list of rollouts, the 201 and rollback answers, or a box's details (desired and
 * reported) sees neither a camera password nor a header option, while the box itself is sent the real config.
 */
class HubRedactionTest {
    private static final String OLD_PASSWORD = "0ldS3cret";
    private static final String NEW_PASSWORD = "N3wS3cret";

    @TempDir
    Path tmp;

    @Test
    void aViewerNeverSeesTheCameraPasswordsOfDesiredConfigs() throws Exception {
        try (Mosquitto broker = Mosquitto.start(tmp.resolve("broker"), "");
             MqttProbe box = new MqttProbe(broker.url(), "fake-box1");
             HubHarness hub = new HubHarness(broker.url())) {
            box.subscribe("posegate/v1/box/box1/config/desired");
            box.publish("posegate/v1/box/box1/status", new JsonObject().put("v", 1).put("state", "online").put("bootSeq", 1), true, null);
            box.publish("posegate/v1/box/box1/config/desired", desired(10, config(OLD_PASSWORD)), true, null);
            box.publish("posegate/v1/box/box1/config/reported", new JsonObject().put("v", 1).put("version", 10).put("status", 200)
                    .put("error", "cannot open rtsp://admin:" + OLD_PASSWORD + "@10.0.0.5/s"), true, null);
            hub.awaitBox("box1", b -> Long.valueOf(10).equals(b.getLong("reportedVersion")), "the box's report");

            JsonObject started = hub.send("POST", "/api/rollouts", new JsonObject().put("target", new JsonObject().put("box", "box1"))
                    .put("config", config(NEW_PASSWORD)).put("soakSeconds", 600));
            assertEquals(201, started.getInteger("status"), started.encode());
            String id = started.getJsonObject("body").getString("id");
            JsonObject sent = awaitDesired(box, NEW_PASSWORD);
            assertTrue(sent.encode().contains("Authorization: Basic YWRtaW46" + NEW_PASSWORD), "the box is sent the real config: " + sent.encode());
            hub.awaitBox("box1", b -> b.getLong("desiredVersion") > 10, "the hub saw its own desired message");

            JsonObject rollout = viewerGet(hub, "/api/rollouts/" + id);
            assertEquals("rtsp://admin:***@10.0.0.5/s", rollout.getJsonObject("config").getJsonObject("streams")
                    .getJsonObject("cam1").getString("source"), rollout.encode());
            assertEquals("***", rollout.getJsonObject("boxes").getJsonObject("box1").getJsonObject("previous")
                    .getJsonObject("streams").getJsonObject("cam1").getJsonObject("options").getString("ffmpeg.headers"), rollout.encode());
            JsonObject rolledBack = hub.send("POST", "/api/rollouts/" + id + "/rollback", null);
            assertEquals(200, rolledBack.getInteger("status"), rolledBack.encode());

            List<JsonObject> answers = List.of(started.getJsonObject("body"), rollout, rolledBack.getJsonObject("body"),
                    viewerGet(hub, "/api/rollouts"), viewerGet(hub, "/api/rollouts/" + id), viewerGet(hub, "/api/boxes/box1"),
                    viewerGet(hub, "/api/boxes"));
            for (JsonObject answer : answers) {
                String text = answer.encode();
                assertFalse(text.contains(OLD_PASSWORD) || text.contains(NEW_PASSWORD) || text.contains("YWRtaW46"), text);
            }
            JsonObject details = viewerGet(hub, "/api/boxes/box1");
            assertTrue(details.getJsonObject("desired").encode().contains("admin:***@10.0.0.5"), details.encode());
            assertTrue(details.getJsonObject("reported").getString("error").contains("admin:***@10.0.0.5"), details.encode());
        }
    }

    private static JsonObject viewerGet(HubHarness hub, String path) throws Exception {
        JsonObject r = hub.send("GET", path, null, hub.viewerToken());
        assertEquals(200, r.getInteger("status"), path + ": " + r.encode());
        return r.getJsonObject("body");
    }

    private static JsonObject awaitDesired(MqttProbe box, String password) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonObject m = box.messages.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            if (m != null && m.encode().contains(password)) {
                return m;
            }
        }
        throw new AssertionError("no desired config with the new password reached the box");
    }

    private static JsonObject desired(long version, JsonObject config) {
        return new JsonObject().put("v", 1).put("version", version).put("rolloutId", "r-old").put("config", config);
    }

    private static JsonObject config(String password) {
        return new JsonObject().put("streams", new JsonObject().put("cam1", new JsonObject()
                .put("source", "rtsp://admin:" + password + "@10.0.0.5/s")
                .put("options", new JsonObject().put("ffmpeg.headers", "Authorization: Basic YWRtaW46" + password))));
    }
}
