package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backend chosen at run time (the fleet's {@code swap-backend}) and staged rollouts through the hub, on a real
 * box process: a rollout that sets only {@code streams} passes its soak on the chosen backend (the config file
 * names {@code auto}) and leaves that backend running; a rollout that names {@code backend} swaps and passes too.
 */
class FleetRunTimeBackendTest {
    private static final String BOX = "rt-1";

    @TempDir
    Path tmp;

    @Test
    void aStreamsOnlyRolloutAfterASwapKeepsTheChosenBackendAndPassesItsSoak() throws Exception {
        try (Mosquitto broker = Mosquitto.start(tmp.resolve("broker"), "");
             HubHarness hub = new HubHarness(broker.url())) {
            BoxProcess box = BoxProcess.start(tmp, BOX, broker.url(), List.of("rt"),
                    "model: demo-simulated\nbackend: auto\nstreams:\n  main: {source: \"demo:?people=2&fps=5\"}\n");
            try {
                hub.awaitBox(BOX, b -> "online".equals(b.getString("state")) && Integer.valueOf(200).equals(b.getInteger("reportedStatus"))
                        && b.getJsonObject("streams").containsKey("main") && "auto".equals(b.getString("backend")), "online on auto");

                JsonObject swap = hub.send("POST", "/api/boxes/" + BOX + "/commands/swap-backend",
                        new JsonObject().put("args", new JsonObject().put("backend", "simulated")));
                assertEquals(200, swap.getInteger("status"), swap.encode());
                hub.awaitBox(BOX, b -> "simulated".equals(b.getString("backend")), "runs the chosen backend");

                JsonObject streamsOnly = new JsonObject().put("streams", new JsonObject()
                        .put("main", new JsonObject().put("source", "demo:?people=3&fps=5")));
                JsonObject done = rollout(hub, streamsOnly);
                assertEquals("completed", done.getString("state"), done.encodePrettily());
                assertEquals("healthy", done.getJsonObject("boxes").getJsonObject(BOX).getString("state"), done.encodePrettily());
                JsonObject detail = hub.get("/api/boxes/" + BOX);
                assertEquals(200, detail.getJsonObject("reported").getInteger("status"), detail.getJsonObject("reported").encode());
                assertEquals("simulated", detail.getJsonObject("meta").getString("backend"), "the run-time choice still runs");
                assertTrue(source(detail, "main").contains("3 simulated people"), "the new stream source runs: " + detail.getJsonObject("meta"));

                JsonObject namesBackend = streamsOnly.copy().put("backend", "auto");
                JsonObject swapped = rollout(hub, namesBackend);
                assertEquals("completed", swapped.getString("state"), swapped.encodePrettily());
                assertEquals("auto", hub.get("/api/boxes/" + BOX).getJsonObject("meta").getString("backend"),
                        "a rollout naming backend swaps to it");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nbox log:\n" + box.log(), e);
            } finally {
                box.close();
            }
        }
    }

    /** Starts a rollout of {@code config} to the box and waits until it ends. */
    private static JsonObject rollout(HubHarness hub, JsonObject config) throws Exception {
        JsonObject spec = new JsonObject().put("target", new JsonObject().put("box", BOX)).put("config", config)
                .put("canary", 1).put("waves", new JsonArray()).put("soakSeconds", 1).put("timeoutSeconds", 120);
        JsonObject started = hub.send("POST", "/api/rollouts", spec);
        assertEquals(201, started.getInteger("status"), started.encode());
        String id = started.getJsonObject("body").getString("id");
        return hub.awaitRollout(id, r -> !"running".equals(r.getString("state")), "the rollout ends");
    }

    private static String source(JsonObject detail, String stream) {
        JsonArray streams = detail.getJsonObject("meta").getJsonArray("streams");
        for (int i = 0; i < streams.size(); i++) {
            if (stream.equals(streams.getJsonObject(i).getString("id"))) {
                return streams.getJsonObject(i).getString("source");
            }
        }
        return "(no stream " + stream + ")";
    }
}
