package io.posegate.gateway.e2e;

import io.posegate.gateway.testing.CapturedLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.net.LoopbackHttp;
import io.posegate.gateway.security.RedactingLogFilter;
import io.posegate.gateway.testing.Await;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * The "Secrets leak" probes against a real gateway: passwords (with '@' and ':') and tokens in
 * camera URLs from the config file and from the API never appear in {@code /api/config},
 * {@code /api/streams}, {@code /ws} messages, {@code /metrics} or the log, while the rest of each URL does.
 */
class SecretsLeakTest {
    private static final List<String> SECRETS = List.of("p@ss:w0rd", "w0rd", "TOKSECRET1", "TOKSECRET2", "s3cr@t", "QUxMU0VDUkVU",
            "hunter2");

    @Test
    void secretsInSourcesAppearNowhere() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CapturedLog log = CapturedLog.root();
        RedactingLogFilter.install();
        String configSource = "rtsp://admin:p@ss:w0rd@127.0.0.1:" + closed + "/live?token=TOKSECRET1&channel=1";
        JsonObject config = new JsonObject().put("model", "demo-simulated")
                .put("sources", new JsonObject().put("allow", new JsonArray().add("127.0.0.1")))
                .put("backends", new JsonObject().put("simulated", new JsonObject().put("apiKey", "hunter2")))
                .put("streams", new JsonObject().put("cam", new JsonObject().put("source", configSource)
                        .put("options", new JsonObject().put("ffmpeg.headers", "Authorization: Basic QUxMU0VDUkVU"))));
        try (LoopbackHttp camera = new LoopbackHttp("127.0.0.1", "not video".getBytes(StandardCharsets.US_ASCII), "text/plain");
             GatewayHarness gw = new GatewayHarness(config)) {
            BlockingQueue<JsonObject> ws = gw.connect();
            String apiSource = "http://viewer:s3cr@t@127.0.0.1:" + camera.port() + "/missing?access_token=TOKSECRET2&res=hd";
            JsonObject put = gw.send(HttpMethod.PUT, "/api/streams/api", new JsonObject().put("source", apiSource));
            assertEquals(200, put.getInteger("status"), put.encode());
            List<String> seen = new ArrayList<>();
            seen.add(put.getString("body"));
            for (String id : List.of("cam", "api")) {
                JsonObject state = Await.next(ws, m -> "stream".equals(m.getString("type")) && id.equals(m.getString("stream"))
                        && m.getJsonObject("state").getString("reason") != null, Await.PATIENCE, () -> id + " failure on /ws");
                seen.add(state.encode());
            }
            Await.until(() -> log.lines().stream().anyMatch(l -> l.contains("stream cam")), Await.PATIENCE, () -> "a log line about cam");
            JsonObject cfg = gw.get("/api/config");
            JsonObject streams = gw.get("/api/streams");
            seen.add(cfg.encode());
            seen.add(streams.encode());
            seen.add(gw.get("/api/streams/cam").encode());
            seen.add(new String(gw.send(HttpMethod.GET, "/metrics", null).getString("body", "").getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8));
            ws.forEach(m -> seen.add(m.encode()));
            seen.addAll(log.lines());
            for (String text : seen) {
                for (String secret : SECRETS) {
                    assertFalse(text.contains(secret), "'" + secret + "' leaked in: " + text);
                }
            }
            String shownCam = cfg.getJsonObject("streams").getJsonObject("cam").getString("source");
            assertEquals("rtsp://admin:***@127.0.0.1:" + closed + "/live?token=***&channel=1", shownCam);
            assertEquals("***", cfg.getJsonObject("streams").getJsonObject("cam").getJsonObject("options").getString("ffmpeg.headers"));
            assertTrue(streams.encode().contains("http://viewer:***@127.0.0.1:" + camera.port() + "/missing?access_token=***&res=hd"),
                    streams.encode());
        } finally {
            log.close();
        }
    }
}
