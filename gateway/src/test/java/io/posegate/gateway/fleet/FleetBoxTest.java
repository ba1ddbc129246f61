package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.config.ConfigException;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.testing.Await;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real box process on mosquitto: desired config is refused with the config file's own validation
 * errors, the HTTP API's source rules or the backend probe's reason and the box keeps what it runs; an older version is ignored; a group's
 * desired config applies; commands (restart a stream, swap the backend, snapshot) run through MQTT and the
 * hub's API, and a repeated command id runs once.
 */
class FleetBoxTest {
    @TempDir
    Path tmp;

    @Test
    void desiredConfigIsValidatedLikeTheFileAndCommandsRunOnce() throws Exception {
        try (Mosquitto broker = Mosquitto.start(tmp.resolve("broker"), "");
             HubHarness hub = new HubHarness(broker.url());
             MqttProbe probe = new MqttProbe(broker.url(), "test-hub-probe");
             MqttProbe events = new MqttProbe(broker.url(), "test-events")) {
            current = probe;
            BoxProcess box = BoxProcess.start(tmp, "cpu-1", broker.url(), List.of("cpus"), null);
            try {
                probe.subscribe("posegate/v1/box/cpu-1/config/reported").subscribe("posegate/v1/test/replies/#");
                events.subscribe("posegate/v1/box/cpu-1/events");
                hub.awaitBox("cpu-1", b -> "online".equals(b.getString("state")) && b.getJsonObject("streams").containsKey("main"), "online");
                String hashBefore = hub.get("/api/boxes/cpu-1").getJsonObject("reported").getString("effectiveHash");

                JsonObject trt = desired(10, new JsonObject().put("backend", "tensorrt"), "box/cpu-1");
                String probeReason = BackendRegistry.discover().probe("tensorrt").reason();
                assertFalse(BackendRegistry.discover().probe("tensorrt").available(), "this test needs a machine without TensorRT");
                assertEquals(422, trt.getInteger("status"), trt.encode());
                assertTrue(trt.getString("error").contains(probeReason), "the probe's reason: " + trt.getString("error"));
                assertEquals(hashBefore, trt.getString("effectiveHash"), "a refused config changes nothing");

                JsonObject http = desired(11, new JsonObject().put("http", new JsonObject().put("port", 1)), "box/cpu-1");
                assertEquals(400, http.getInteger("status"));
                assertEquals("field 'http' cannot be changed at run time; changeable: [backend, streams]", http.getString("error"));

                JsonObject badStreams = new JsonObject().put("x", new JsonObject().put("maxFps", -1).put("colour", "red"));
                JsonObject invalid = desired(12, new JsonObject().put("streams", badStreams), "box/cpu-1");
                assertEquals(400, invalid.getInteger("status"));
                List<String> fileProblems;
                try {
                    GatewayConfigs.parse(new JsonObject().put("streams", badStreams), tmp);
                    throw new AssertionError("the file validation accepts " + badStreams);
                } catch (ConfigException e) {
                    fileProblems = e.problems();
                }
                assertEquals(Set.copyOf(fileProblems), Set.copyOf(invalid.getJsonArray("problems").getList()),
                        "desired config is refused with the config file's own problems");

                JsonObject command = new JsonObject().put("sh", new JsonObject().put("source", "pipe:cat /dev/zero"));
                JsonObject piped = desired(14, new JsonObject().put("streams", command), "box/cpu-1");
                assertEquals(400, piped.getInteger("status"), piped.encode());
                assertEquals("stream sh: pipe: sources are accepted only from the local config file (desired config is "
                        + "held to the HTTP API's rules)", piped.getString("error"));
                assertEquals(hashBefore, piped.getString("effectiveHash"), "a refused command changes nothing");
                assertFalse(hub.get("/api/boxes/cpu-1").getJsonObject("streams").containsKey("sh"), "nothing started");

                JsonObject older = new JsonObject().put("v", 1).put("version", 5).put("rolloutId", "old")
                        .put("config", new JsonObject().put("backend", "simulated"));
                probe.publish("posegate/v1/box/cpu-1/config/desired", older, true, null);
                JsonObject group = desired(15, new JsonObject().put("streams", new JsonObject()
                        .put("main", new JsonObject().put("source", "demo:?people=1&fps=5"))), "group/cpus");
                assertEquals(200, group.getInteger("status"), group.encode());
                assertFalse(hashBefore.equals(group.getString("effectiveHash")));

                JsonObject first = command("restart-stream", "cmd-1", new JsonObject().put("stream", "main"));
                assertEquals(200, first.getInteger("status"), first.encode());
                JsonObject again = command("restart-stream", "cmd-1", new JsonObject().put("stream", "main"));
                assertTrue(again.getBoolean("duplicate"), again.encode());
                assertEquals(first.getJsonObject("result"), again.getJsonObject("result"));
                int[] runs = new int[2];
                Await.until(() -> {
                    JsonObject m;
                    while ((m = events.messages.poll()) != null) {
                        JsonObject p = m.getJsonObject("payload");
                        if ("command".equals(p.getString("type")) && "cmd-1".equals(p.getString("id"))) {
                            runs[p.getBoolean("duplicate") ? 1 : 0]++;
                        }
                    }
                    return runs[0] + runs[1] >= 2;
                }, FleetWaits.PATIENCE, () -> "two command events for cmd-1");
                assertEquals(1, runs[0], "cmd-1 ran once");
                assertEquals(1, runs[1], "the repeat was answered as a duplicate");

                JsonObject trtSwap = command("swap-backend", "cmd-2", new JsonObject().put("backend", "tensorrt"));
                assertEquals(422, trtSwap.getInteger("status"));
                assertTrue(trtSwap.getString("error").contains(probeReason));
                JsonObject swap = hub.send("POST", "/api/boxes/cpu-1/commands/swap-backend",
                        new JsonObject().put("args", new JsonObject().put("backend", "simulated")));
                assertEquals(200, swap.getInteger("status"), swap.encode());
                assertEquals("simulated", swap.getJsonObject("body").getJsonObject("result").getJsonObject("lastSwap").getString("to"));

                JsonObject snap = command("snapshot", "cmd-3", new JsonObject().put("stream", "main"));
                assertEquals(200, snap.getInteger("status"), snap.encode());
                byte[] jpeg = Base64.getDecoder().decode(snap.getJsonObject("result").getString("jpeg"));
                assertTrue(jpeg.length > 100 && (jpeg[0] & 0xff) == 0xFF && (jpeg[1] & 0xff) == 0xD8, "a JPEG");
                assertEquals("poses", snap.getJsonObject("result").getJsonObject("poses").getString("type"));
                assertEquals(404, command("reboot", "cmd-4", new JsonObject()).getInteger("status"));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nbox log:\n" + box.log(), e);
            } finally {
                box.close();
            }
        }
    }

    private MqttProbe current;

    /** Publishes desired config as the hub would and returns the box's final report for that version. */
    private JsonObject desired(long version, JsonObject config, String where) throws Exception {
        JsonObject msg = new JsonObject().put("v", 1).put("version", version).put("rolloutId", "t-" + version).put("config", config);
        current.publish("posegate/v1/" + where + "/config/desired", msg, true, null);
        JsonObject m = Await.next(current.messages, x -> {
            boolean report = x.getString("topic").endsWith("/config/reported");
            if (report && x.getJsonObject("payload").getLong("version") == 5) {
                throw new AssertionError("the older version 5 must be ignored, got a report: " + x);
            }
            return report && x.getJsonObject("payload").getLong("version") == version
                    && x.getJsonObject("payload").getInteger("status") != 202;
        }, FleetWaits.PATIENCE, () -> "the report of version " + version);
        return m.getJsonObject("payload");
    }

    private JsonObject command(String name, String id, JsonObject args) throws Exception {
        String reply = "posegate/v1/test/replies/" + id + "-" + System.nanoTime();
        current.publish("posegate/v1/box/cpu-1/cmd/" + name, new JsonObject().put("id", id).put("args", args), false, reply);
        return Await.next(current.messages, x -> x.getString("topic").equals(reply), FleetWaits.PATIENCE,
                () -> "the reply to " + name + " " + id).getJsonObject("payload");
    }
}
