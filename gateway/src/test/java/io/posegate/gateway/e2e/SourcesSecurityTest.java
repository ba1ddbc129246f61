package io.posegate.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.MediaPaths;
import io.posegate.gateway.ingest.OpaqueErrorSource;
import io.posegate.gateway.ingest.net.LoopbackHttp;
import io.posegate.gateway.ingest.net.SourceAddressGuard;
import io.posegate.gateway.testing.Await;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Server-side request forgery" probes against a real gateway over HTTP, with a real HTTP
 * server on 127.0.0.1 standing for an internal service that counts every request it gets.
 */
class SourcesSecurityTest {
    @TempDir
    Path dir;
    LoopbackHttp internal;

    @BeforeEach
    void serve() throws Exception {
        internal = new LoopbackHttp("127.0.0.1", "this is not video".getBytes(StandardCharsets.US_ASCII), "text/plain");
    }

    @AfterEach
    void stop() {
        internal.close();
    }

    static JsonObject config(JsonObject extra) {
        return new JsonObject().put("model", "demo-simulated")
                .put("streams", new JsonObject().put("demo", new JsonObject().put("source", "demo:?fps=5"))).mergeIn(extra);
    }

    @Test
    void decimalHexMappedAndMetadataSourcesAreRefusedAndNeverFetched() throws Exception {
        int port = internal.port();
        List<String> probes = List.of("http://2130706433:" + port + "/video", "http://0x7f000001:" + port + "/video",
                "http://[::ffff:127.0.0.1]:" + port + "/video", "http://169.254.169.254/latest/meta-data/",
                "mjpeg+http://0177.0.0.1:" + port + "/video", "rtsp://127.1:" + port + "/video");
        try (GatewayHarness gw = new GatewayHarness(config(new JsonObject()))) {
            int i = 0;
            for (String probe : probes) {
                JsonObject r = gw.send(HttpMethod.PUT, "/api/streams/probe" + i++, new JsonObject().put("source", probe));
                assertEquals(400, r.getInteger("status"), probe + " -> " + r.encode());
                assertEquals(SourceAddressGuard.REFUSED, new JsonObject(r.getString("body")).getString("error"), probe);
            }
            JsonArray streams = gw.get("/api/streams").getJsonArray("streams");
            assertEquals(1, streams.size(), "only the demo stream exists: " + streams.encode());
        }
        assertEquals(List.of(), internal.requests, "the internal service was never contacted");
    }

    @Test
    void refusedNotFoundAndInvalidDataLookTheSameToTheApiAndWs() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        JsonObject allowLoopback = new JsonObject().put("sources", new JsonObject().put("allow", new JsonArray().add("127.0.0.1")));
        try (GatewayHarness gw = new GatewayHarness(config(allowLoopback))) {
            BlockingQueue<JsonObject> ws = gw.connect();
            List<String> ids = List.of("closedPort", "notFound", "invalidData");
            List<String> urls = List.of("http://127.0.0.1:" + closed + "/v", internal.base() + "/missing", internal.base() + "/text");
            for (int i = 0; i < ids.size(); i++) {
                JsonObject r = gw.send(HttpMethod.PUT, "/api/streams/" + ids.get(i), new JsonObject().put("source", urls.get(i)));
                assertEquals(200, r.getInteger("status"), r.encode());
            }
            for (String id : ids) {
                Await.until(() -> reason(gw, id) != null, Await.PATIENCE, () -> id + " to report a failure: " + gw.streamsForDiagnosis());
                assertEquals(OpaqueErrorSource.UNAVAILABLE, reason(gw, id), id);
                JsonObject state = Await.next(ws, m -> "stream".equals(m.getString("type")) && id.equals(m.getString("stream"))
                        && m.getJsonObject("state").getString("reason") != null, Await.PATIENCE, () -> id + " state on /ws");
                assertEquals(OpaqueErrorSource.UNAVAILABLE, state.getJsonObject("state").getString("reason"), state.encode());
            }
            assertFalse(internal.requests.isEmpty(), "the allowed server was really asked (control)");
        }
    }

    private static String reason(GatewayHarness gw, String id) {
        try {
            JsonObject s = gw.get("/api/streams/" + id);
            return s.getJsonObject("state").getString("reason");
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    void aFileOutsideTheMediaDirectoryLooksExactlyLikeAMissingOne() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Files.writeString(media.resolve("notes.mp4"), "not a video");
        Files.writeString(dir.resolve("outside.mp4"), "x");
        JsonObject cfg = config(new JsonObject().put("media", new JsonObject().put("dir", media.toString())));
        try (GatewayHarness gw = new GatewayHarness(cfg)) {
            String existing = dir.resolve("outside.mp4").toString();
            String missing = dir.resolve("missing.mp4").toString();
            JsonObject a = gw.send(HttpMethod.PUT, "/api/streams/a", new JsonObject().put("source", "file:" + existing));
            JsonObject b = gw.send(HttpMethod.PUT, "/api/streams/b", new JsonObject().put("source", "file:" + missing));
            assertEquals(400, a.getInteger("status"));
            assertEquals(400, b.getInteger("status"));
            String errA = new JsonObject(a.getString("body")).getString("error");
            String errB = new JsonObject(b.getString("body")).getString("error");
            assertEquals(MediaPaths.notAvailable("file", existing), errA);
            assertEquals(errA.replace(existing, "PATH"), errB.replace(missing, "PATH"));
            JsonObject c = gw.send(HttpMethod.PUT, "/api/streams/c", new JsonObject().put("source", "file:notes.mp4"));
            assertEquals(200, c.getInteger("status"), c.encode());
            Await.until(() -> reason(gw, "c") != null, Await.PATIENCE, () -> "c to fail: " + gw.streamsForDiagnosis());
            assertEquals(OpaqueErrorSource.UNAVAILABLE, reason(gw, "c"), "invalid data inside the media directory says the same");
        }
    }
}
