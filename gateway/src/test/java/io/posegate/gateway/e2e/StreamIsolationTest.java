package io.posegate.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * A stream whose backend or source fails is marked with the reason and the other streams keep
 * running; streams are added and removed through the API without touching the others.
 */
class StreamIsolationTest {
    private static JsonObject find(JsonObject streams, String id) {
        return streams.getJsonArray("streams").stream().map(o -> (JsonObject) o).filter(s -> id.equals(s.getString("id")))
                .findFirst().orElseThrow(() -> new AssertionError("no stream " + id + " in " + streams));
    }

    @Test
    void failingStreamsDoNotStopTheOthers() throws Exception {
        JsonObject config = new JsonObject().put("model", "demo-simulated").put("streams", new JsonObject()
                .put("good", new JsonObject().put("source", "demo:?fps=20"))
                .put("wrongBackend", new JsonObject().put("source", "demo:?fps=20").put("backend", "onnx"))
                .put("deadFile", new JsonObject().put("source", "file:/nonexistent/video.avi")));
        try (GatewayHarness gw = new GatewayHarness(config)) {
            long before = find(gw.get("/api/streams"), "good").getLong("processed");
            Thread.sleep(1500);
            JsonObject streams = gw.get("/api/streams");
            JsonObject good = find(streams, "good");
            assertTrue(good.getLong("processed") > before, "good stream stalled: " + good);
            JsonObject wrong = find(streams, "wrongBackend");
            assertEquals("failed", wrong.getJsonObject("state").getString("phase"), wrong.encode());
            assertTrue(wrong.getJsonObject("state").getString("reason").contains("onnx"), wrong.encode());
            JsonObject dead = find(streams, "deadFile");
            String phase = dead.getJsonObject("state").getString("phase");
            assertTrue(phase.equals("reconnecting") || phase.equals("failed"), dead.encode());
            assertTrue(dead.getJsonObject("state").getString("reason").contains("video.avi"), dead.encode());
        }
    }

    @Test
    void streamsAreAddedAndRemovedThroughTheApi() throws Exception {
        JsonObject config = new JsonObject().put("model", "demo-simulated")
                .put("streams", new JsonObject().put("a", new JsonObject().put("source", "demo:?fps=20")));
        try (GatewayHarness gw = new GatewayHarness(config)) {
            JsonObject put = gw.send(HttpMethod.PUT, "/api/streams/b", new JsonObject().put("source", "demo:?fps=10&people=2"));
            assertEquals(200, put.getInteger("status"), put.encode());
            Thread.sleep(1000);
            assertTrue(find(gw.get("/api/streams"), "b").getLong("processed") > 0);
            JsonObject pipe = gw.send(HttpMethod.PUT, "/api/streams/c", new JsonObject().put("source", "pipe:cat /dev/zero"));
            assertEquals(400, pipe.getInteger("status"), pipe.encode());
            assertTrue(pipe.getString("body").contains("only from the local config file"), pipe.encode());
            JsonObject unknown = gw.send(HttpMethod.PUT, "/api/streams/d", new JsonObject().put("source", "gopher://x"));
            assertEquals(400, unknown.getInteger("status"), unknown.encode());
            assertTrue(unknown.getString("body").contains("known"), unknown.encode());
            JsonObject bad = gw.send(HttpMethod.PUT, "/api/streams/e", new JsonObject().put("maxFps", "fast"));
            assertEquals(400, bad.getInteger("status"));
            assertTrue(bad.getString("body").contains("streams.e.source") && bad.getString("body").contains("streams.e.maxFps"), bad.encode());
            long aBefore = find(gw.get("/api/streams"), "a").getLong("processed");
            assertEquals(204, gw.send(HttpMethod.DELETE, "/api/streams/b", null).getInteger("status"));
            assertEquals(404, gw.send(HttpMethod.DELETE, "/api/streams/b", null).getInteger("status"));
            Thread.sleep(500);
            assertTrue(find(gw.get("/api/streams"), "a").getLong("processed") > aBefore);
            assertEquals(1, gw.get("/api/streams").getJsonArray("streams").size());
        }
    }
}
