package io.posegate.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.testing.Await;
import io.posegate.gateway.ui.UiGateway;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /metrics}, {@code /health} and {@code /ready} of a running demo gateway, over real HTTP. */
class OpsEndpointsTest {
    static UiGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = new UiGateway(UiGateway.demoConfig());
        Await.until(() -> processed() >= 30, Await.PATIENCE, () -> "30 processed demo frames");
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    static long processed() {
        try {
            return gateway.json("/api/streams/demo").getLong("processed");
        } catch (Exception e) {
            return 0;
        }
    }

    static double sample(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertTrue(m.find(), "no sample " + series + " in /metrics");
        return Double.parseDouble(m.group(1));
    }

    static String scrape() throws Exception {
        UiGateway.Reply r = gateway.get("/metrics");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("text/plain; version=0.0.4"), r.contentType());
        return r.text();
    }

    @Test
    void metricsHaveStreamStageJvmAndVertxSeries() throws Exception {
        String m = scrape();
        assertTrue(sample(m, "posegate_stream_fps{stream=\"demo\"}") > 0, "demo runs");
        assertTrue(sample(m, "posegate_stream_frames_processed_total{stream=\"demo\"}") >= 30);
        sample(m, "posegate_stream_frames_dropped_total{stream=\"demo\"}");
        assertEquals(0, sample(m, "posegate_stream_frames_lost_total{stream=\"demo\"}"), "the demo source loses nothing");
        assertEquals(1, sample(m, "posegate_stream_live{stream=\"demo\"}"));
        for (String stage : StageTimers.STAGES) {
            double count = sample(m, "posegate_frame_stage_seconds_count{stage=\"" + stage + "\",stream=\"demo\"}");
            double inf = sample(m, "posegate_frame_stage_seconds_bucket{stage=\"" + stage + "\",stream=\"demo\",le=\"+Inf\"}");
            assertTrue(count >= 30, stage + " histogram counts frames");
            assertEquals(count, inf, stage + ": +Inf bucket holds every observation");
        }
        assertEquals(1, sample(m, "posegate_backend_opens_total{backend=\"simulated\"}"));
        assertTrue(m.contains("jvm_memory_used_bytes{area=\"heap\""), "JVM heap metrics");
        assertTrue(m.contains("jvm_threads_live_threads"), "JVM metrics");
        assertTrue(m.contains("vertx_http_server_requests_total"), "Vert.x HTTP metrics");
    }

    @Test
    void webSocketClientsAreCounted() throws Exception {
        double before = sample(scrape(), "posegate_ws_clients");
        WebSocket ws = gateway.webSocket("/ws", t -> { });
        try {
            assertEquals(before + 1, sample(scrape(), "posegate_ws_clients"));
            sample(scrape(), "posegate_ws_messages_dropped_total");
        } finally {
            ws.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        Await.until(() -> {
            try {
                return sample(scrape(), "posegate_ws_clients") == before;
            } catch (Exception e) {
                return false;
            }
        }, Await.PATIENCE, () -> "the client count back down");
    }

    @Test
    void aFailedSwapIsCountedAsFailedWithItsBackend() throws Exception {
        UiGateway.Reply r = gateway.request(HttpMethod.PUT, "/api/config", new JsonObject().put("backend", "onnx"));
        assertEquals(409, r.status(), r.text());
        String m = scrape();
        assertTrue(sample(m, "posegate_backend_swaps_total{result=\"failed\"}") >= 1);
        assertTrue(sample(m, "posegate_backend_open_failures_total{backend=\"onnx\"}") >= 1);
        assertTrue(sample(m, "posegate_backend_last_swap_ms") >= 0);
    }

    @Test
    void healthIsUpAndReadyWhenTheBackendIsLoadedAndTheStreamLive() throws Exception {
        UiGateway.Reply h = gateway.get("/health");
        assertEquals(200, h.status(), h.text());
        assertEquals("UP", h.body().toJsonObject().getString("outcome"));
        UiGateway.Reply r = gateway.get("/ready");
        assertEquals(200, r.status(), r.text());
        JsonObject ready = r.body().toJsonObject();
        assertEquals("UP", ready.getString("outcome"));
        JsonObject streams = checkData(ready, "streams");
        assertEquals("live", streams.getJsonObject("demo").getString("phase"));
        assertTrue(checkData(ready, "backend").getJsonArray("loaded").encode().contains("simulated"));
        assertTrue(ready.getJsonArray("checks").stream().noneMatch(c -> "fleet".equals(((JsonObject) c).getString("id"))),
                "no fleet check without a fleet: section: " + ready.encode());
    }

    static JsonObject checkData(JsonObject health, String id) {
        for (Object o : health.getJsonArray("checks")) {
            JsonObject c = (JsonObject) o;
            if (id.equals(c.getString("id"))) {
                return c.getJsonObject("data");
            }
        }
        throw new AssertionError("no check '" + id + "' in " + health.encode());
    }

    @Test
    void mjpegPreviewSendsJpegPartsOfTheSourceSize() throws Exception {
        UiGateway.Reply one = gateway.get("/api/streams/demo/frame.jpg");
        assertEquals(200, one.status());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(one.body().getBytes()));
        assertNotNull(img, "frame.jpg decodes");
        assertEquals(640, img.getWidth());
        assertEquals(360, img.getHeight());
        assertEquals(404, gateway.get("/api/streams/nope/mjpeg").status());
        assertEquals(400, gateway.get("/api/streams/demo/mjpeg?fps=100").status());
    }

    @Test
    void openMjpegPreviewsAreCountedPerStream() throws Exception {
        assertEquals(0, gateway.json("/api/streams/demo").getInteger("previews"));
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", gateway.port())) {
            s.getOutputStream().write(("GET /api/streams/demo/mjpeg?fps=2 HTTP/1.1\r\nHost: 127.0.0.1:" + gateway.port()
                    + "\r\nAuthorization: Bearer " + gateway.adminToken() + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertTrue(new String(s.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII).endsWith("200"));
            Await.until(() -> previews() == 1, Await.PATIENCE, () -> "one open preview counted");
        }
        Await.until(() -> previews() == 0, Await.PATIENCE, () -> "the closed preview no longer counted");
    }

    static int previews() {
        try {
            return gateway.json("/api/streams/demo").getInteger("previews");
        } catch (Exception e) {
            return -1;
        }
    }
}
