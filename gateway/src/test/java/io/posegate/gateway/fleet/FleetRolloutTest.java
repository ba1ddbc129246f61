package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.testing.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Staged rollouts on three real box processes (group {@code site}): a canary whose new config fails its
 * health check reverts by itself, reports 500, and the rollout stops before the second wave with no other
 * box changed; a good config goes canary then a wave of two; the rollout survives a hub restart; rollback
 * republishes the previous content under a new version; and a broker restart keeps the retained status,
 * meta and desired config while every box reconnects by itself.
 */
class FleetRolloutTest {
    private static final List<String> BOXES = List.of("site-a", "site-b", "site-c");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mosquitto", "embedded"})
    void stagedRolloutCanaryFailureRollbackAndBrokerRestart(String brokerKind) throws Exception {
        List<BoxProcess> boxes = new ArrayList<>();
        try (FleetBroker broker = FleetBrokers.start(brokerKind, tmp.resolve("broker"))) {
            HubHarness hub = new HubHarness(broker.url());
            try {
                for (String id : BOXES) {
                    boxes.add(BoxProcess.start(tmp, id, broker.url(), List.of("site"), null));
                }
                Map<String, String> fileHash = new HashMap<>();
                for (String id : BOXES) {
                    hub.awaitBox(id, b -> "online".equals(b.getString("state")) && Integer.valueOf(200).equals(b.getInteger("reportedStatus"))
                            && b.getJsonObject("streams").containsKey("main"), "online, config reported");
                    fileHash.put(id, hub.get("/api/boxes/" + id).getJsonObject("reported").getString("effectiveHash"));
                }

                // a camera that never answers; desired config may not name internal addresses (API rules), so a name
                // that never resolves (RFC 6761 .invalid) stands in for it
                JsonObject bad = new JsonObject().put("streams", new JsonObject()
                        .put("main", new JsonObject().put("source", "demo:?people=2&fps=5"))
                        .put("cam2", new JsonObject().put("source", "rtsp://cam2.invalid/none")));
                JsonObject started = hub.send("POST", "/api/rollouts", rollout(bad));
                assertEquals(201, started.getInteger("status"), started.encode());
                String badId = started.getJsonObject("body").getString("id");
                JsonObject stopped = hub.awaitRollout(badId, r -> !"running".equals(r.getString("state")), "the bad rollout ends");
                assertEquals("stopped", stopped.getString("state"), stopped.encodePrettily());
                String canary = stopped.getJsonArray("plan").getJsonArray(0).getString(0);
                assertEquals(1, stopped.getJsonArray("plan").getJsonArray(0).size());
                assertEquals(2, stopped.getJsonArray("plan").getJsonArray(1).size(), "a second wave of two was planned");
                JsonObject c = stopped.getJsonObject("boxes").getJsonObject(canary);
                assertEquals("failed", c.getString("state"));
                assertEquals(500, c.getInteger("status"));
                JsonObject canaryReport = hub.get("/api/boxes/" + canary).getJsonObject("reported");
                assertTrue(canaryReport.getString("error").contains("cam2") && canaryReport.getString("error").contains("last-known-good"),
                        canaryReport.encode());
                assertEquals(fileHash.get(canary), canaryReport.getString("effectiveHash"), "the canary runs its previous config again");
                hub.awaitBox(canary, b -> !b.getJsonObject("streams").containsKey("cam2"), "the canary dropped the failed stream");
                for (String id : BOXES) {
                    if (!id.equals(canary)) {
                        assertEquals("pending", stopped.getJsonObject("boxes").getJsonObject(id).getString("state"));
                        JsonObject row = hub.box(id);
                        assertEquals(0L, row.getLong("reportedVersion"), "no other box changed: " + row);
                        assertNull(row.getLong("desiredVersion"), "nothing was sent to " + id);
                    }
                }

                JsonObject good = new JsonObject().put("streams", new JsonObject()
                        .put("main", new JsonObject().put("source", "demo:?people=3&fps=5")));
                String goodId = hub.send("POST", "/api/rollouts", rollout(good)).getJsonObject("body").getString("id");
                JsonObject done = hub.awaitRollout(goodId, r -> !"running".equals(r.getString("state")), "the good rollout ends");
                assertEquals("completed", done.getString("state"), done.encodePrettily());
                long version = done.getLong("version");
                for (String id : BOXES) {
                    assertEquals("healthy", done.getJsonObject("boxes").getJsonObject(id).getString("state"));
                    JsonObject row = hub.box(id);
                    assertEquals(version, row.getLong("reportedVersion"));
                    assertEquals(200, row.getInteger("reportedStatus"));
                }

                hub.close();
                hub = new HubHarness(broker.url());
                JsonObject restored = hub.awaitRollout(goodId, r -> true, "the rollout after a hub restart");
                assertEquals("completed", restored.getString("state"), "rollout state survives a hub restart");

                JsonObject rolledBack = hub.send("POST", "/api/rollouts/" + goodId + "/rollback", null).getJsonObject("body");
                long rollbackVersion = rolledBack.getLong("rollbackVersion");
                assertTrue(rollbackVersion > version, "rollback is a new, higher version");
                for (String id : BOXES) {
                    JsonObject row = hub.awaitBox(id, b -> Long.valueOf(rollbackVersion).equals(b.getLong("reportedVersion"))
                            && Integer.valueOf(200).equals(b.getInteger("reportedStatus")), "the rollback applied");
                    assertEquals(fileHash.get(id), hub.get("/api/boxes/" + id).getJsonObject("reported").getString("effectiveHash"),
                            "back to the previous content: " + row);
                }

                broker.restart();
                try (MqttProbe probe = new MqttProbe(broker.url(), "probe-after-restart")) {
                    probe.subscribe("posegate/v1/box/+/status").subscribe("posegate/v1/box/+/meta")
                            .subscribe("posegate/v1/box/+/config/desired").subscribe("posegate/v1/box/+/metrics");
                    Set<String> seen = new HashSet<>();
                    Set<String> want = new HashSet<>();
                    for (String id : BOXES) {
                        for (String kind : List.of("status", "meta", "config/desired", "metrics")) {
                            want.add("posegate/v1/box/" + id + "/" + kind);
                        }
                    }
                    Map<String, JsonObject> firstDesired = new HashMap<>();
                    Await.until(() -> {
                        JsonObject m;
                        while ((m = probe.messages.poll()) != null) {
                            seen.add(m.getString("topic"));
                            if (m.getString("topic").endsWith("/config/desired")) {
                                firstDesired.putIfAbsent(m.getString("topic"), m.getJsonObject("payload"));
                            }
                        }
                        return seen.containsAll(want);
                    }, FleetWaits.PATIENCE, () -> "retained status/meta/desired and fresh metrics of every box; missing "
                            + want.stream().filter(t -> !seen.contains(t)).toList());
                    firstDesired.values().forEach(d -> assertEquals(rollbackVersion, d.getLong("version"), "retained desired kept"));
                }
                for (String id : BOXES) {
                    hub.awaitBox(id, b -> "online".equals(b.getString("state")), "online after the broker restart");
                }
            } catch (AssertionError e) {
                StringBuilder logs = new StringBuilder();
                boxes.forEach(b -> logs.append("\n--- ").append(b.id).append(":\n").append(b.log()));
                throw new AssertionError(e.getMessage() + logs, e);
            } finally {
                for (BoxProcess b : boxes) {
                    b.close();
                }
                hub.close();
            }
        }
    }

    private static JsonObject rollout(JsonObject config) {
        return new JsonObject().put("target", new JsonObject().put("group", "site")).put("config", config)
                .put("canary", 1).put("waves", new JsonArray().add(2)).put("soakSeconds", 2).put("timeoutSeconds", 120);
    }
}
