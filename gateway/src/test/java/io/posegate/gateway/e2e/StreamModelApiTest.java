package io.posegate.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.TestDescriptors;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream picks its model through {@code PUT /api/streams/{id}} with {@code model} (and
 * {@code modelFile}): the demo stream keeps the gateway's simulated model while the new stream runs the
 * generated ONNX test model on ONNX Runtime; the API, the hello and the pose frames name each stream's
 * model; what the API may name is limited to descriptor names and files inside the models or media folder.
 */
class StreamModelApiTest {
    @TempDir
    Path models;

    private static JsonObject find(JsonObject streams, String id) {
        JsonArray a = streams.getJsonArray("streams");
        for (int i = 0; i < a.size(); i++) {
            if (id.equals(a.getJsonObject(i).getString("id"))) {
                return a.getJsonObject(i);
            }
        }
        return null;
    }

    @Test
    void aStreamRunsTheModelItNames() throws Exception {
        for (String f : new String[] {"demo-simulated.yaml", "demo.sim.properties"}) {
            Files.copy(GatewayHarness.CONFIG_DIR.resolve("models").resolve(f), models.resolve(f));
        }
        TestDescriptors.write(models, "heatmaps", 4);
        JsonObject config = new JsonObject().put("model", "demo-simulated").put("modelsDir", models.toString())
                .put("streams", new JsonObject().put("a", new JsonObject().put("source", "demo:?fps=10")));
        try (GatewayHarness gw = new GatewayHarness(config)) {
            BlockingQueue<JsonObject> ws = gw.connect();
            JsonObject put = gw.send(HttpMethod.PUT, "/api/streams/b", new JsonObject().put("source", "demo:?fps=10&people=2")
                    .put("model", "test").put("backend", "onnx"));
            assertEquals(200, put.getInteger("status"), put.encode());
            JsonObject b = new JsonObject(put.getString("body"));
            assertEquals("test", b.getString("model"));
            assertEquals("paf", b.getString("decoder"));
            assertEquals(19, b.getJsonObject("topology").getJsonArray("limbs").size());

            JsonObject frame = Await.next(ws, m -> "poses".equals(m.getString("type")) && "b".equals(m.getString("stream")),
                    Await.PATIENCE, () -> "a pose frame of stream b; streams: " + gw.streamsForDiagnosis());
            assertEquals("test", frame.getString("model"));
            assertTrue(frame.getString("backend").startsWith("onnx:"), frame.getString("backend"));
            JsonObject demoFrame = Await.next(ws, m -> "poses".equals(m.getString("type")) && "a".equals(m.getString("stream")),
                    Await.PATIENCE, () -> "a pose frame of stream a");
            assertEquals("demo-simulated", demoFrame.getString("model"));
            assertEquals("coco18", demoFrame.getString("topology"));

            JsonObject streams = gw.get("/api/streams");
            assertEquals("demo-simulated", find(streams, "a").getString("model"));
            assertEquals("test", find(streams, "b").getString("model"));
            assertEquals("test", gw.get("/api/model?stream=b").getString("name"));
            assertEquals("test", gw.get("/api/model").getJsonObject("streams").getString("b"));

            JsonObject unknown = gw.send(HttpMethod.PUT, "/api/streams/c", new JsonObject().put("source", "demo:").put("model", "nope"));
            assertEquals(400, unknown.getInteger("status"), unknown.encode());
            assertTrue(unknown.getString("body").contains("'nope'") && unknown.getString("body").contains("test"), unknown.encode());
            JsonObject path = gw.send(HttpMethod.PUT, "/api/streams/c", new JsonObject().put("source", "demo:")
                    .put("model", "/etc/models/x.yaml"));
            assertEquals(400, path.getInteger("status"), path.encode());
            assertTrue(path.getString("body").contains("streams.c.model"), path.encode());
            JsonObject file = gw.send(HttpMethod.PUT, "/api/streams/c", new JsonObject().put("source", "demo:").put("model", "test")
                    .put("modelFile", "/etc/passwd"));
            assertEquals(400, file.getInteger("status"), file.encode());
            assertTrue(file.getString("body").contains("streams.c.modelFile"), file.encode());
            assertEquals(null, find(gw.get("/api/streams"), "c"), "a refused stream is not added");

            // back to the gateway's model: the stream's own runtime is retired, the demo keeps running
            JsonObject back = gw.send(HttpMethod.PUT, "/api/streams/b", new JsonObject().put("source", "demo:?fps=10"));
            assertEquals(200, back.getInteger("status"), back.encode());
            assertEquals("demo-simulated", new JsonObject(back.getString("body")).getString("model"));
            Await.until(() -> {
                try {
                    return find(gw.get("/api/streams"), "b").getLong("processed") > 0;
                } catch (Exception e) {
                    return false;
                }
            }, Await.PATIENCE, () -> "stream b on the demo model again: " + gw.streamsForDiagnosis());
        }
    }
}
