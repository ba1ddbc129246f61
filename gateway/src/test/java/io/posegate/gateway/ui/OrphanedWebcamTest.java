package io.posegate.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.demo.DemoScene;
import io.posegate.gateway.testing.Await;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A webcam stream the dashboard's page added ({@code PUT /api/streams/webcam-<hex>}) whose browser left without
 * deleting it is removed once no browser has fed it for {@code sources.webcamOrphanMs} (short here), from the API
 * and from the metrics; while a browser feeds it, it stays. A {@code webcam:} stream from the config file, unfed for
 * just as long, stays.
 */
class OrphanedWebcamTest {
    private static final int ORPHAN_MS = 400;
    private static final String PAGE = "webcam-0a1b2c3d";

    private static JsonObject config() {
        JsonObject streams = new JsonObject().put("demo", new JsonObject().put("source", "demo:?people=1&fps=5"))
                .put("cam", new JsonObject().put("source", "webcam:cam"));
        return UiGateway.demoConfig().put("streams", streams).put("tracking", new JsonObject().put("enabled", false))
                .put("sources", new JsonObject().put("webcamOrphanMs", ORPHAN_MS));
    }

    private static int status(UiGateway gateway, String id) {
        return gateway.status("/api/streams/" + id);
    }

    private static String metrics(UiGateway gateway) {
        try {
            return gateway.get("/metrics").text();
        } catch (Exception e) {
            return String.valueOf(e);
        }
    }

    @Test
    void aPageStreamIsRemovedOnceItsBrowserLeftAndAConfiguredOneStays() throws Exception {
        try (UiGateway gateway = new UiGateway(config())) {
            UiGateway.Reply put = gateway.request(HttpMethod.PUT, "/api/streams/" + PAGE, new JsonObject().put("source", "webcam:" + PAGE));
            assertEquals(200, put.status(), put.text());
            WebSocket ws = gateway.webSocket("/ws?webcam=" + PAGE, t -> { });
            DemoScene scene = new DemoScene(320, 180, 1);
            byte[] jpeg = WebcamSocketTest.jpeg(scene.render(0), 320, 180);
            // fed for several times the orphan time, frame after frame: it stays
            for (int i = 0; i < 15; i++) {
                ws.writeBinaryMessage(Buffer.buffer(jpeg));
                Thread.sleep(ORPHAN_MS / 4);
            }
            assertEquals(200, status(gateway, PAGE), "a stream a browser feeds is kept");
            Await.until(() -> metrics(gateway).contains("stream=\"" + PAGE + "\""), Await.PATIENCE, () -> PAGE + " in /metrics");

            ws.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            Await.until(() -> status(gateway, PAGE) == 404, Await.PATIENCE, () -> PAGE + " removed after its browser left");
            String streams = gateway.json("/api/streams").encode();
            assertFalse(streams.contains(PAGE), streams);
            assertFalse(metrics(gateway).contains("stream=\"" + PAGE + "\""), "its metrics went with it");
            assertEquals(200, status(gateway, "cam"), "the configured webcam stream, never fed, is kept");
        }
    }

    @Test
    void aPageStreamNoBrowserEverFedIsRemovedToo() throws Exception {
        try (UiGateway gateway = new UiGateway(config())) {
            UiGateway.Reply put = gateway.request(HttpMethod.PUT, "/api/streams/" + PAGE, new JsonObject().put("source", "webcam:" + PAGE));
            assertEquals(200, put.status(), put.text());
            Await.until(() -> status(gateway, PAGE) == 404, Await.PATIENCE, () -> PAGE + " removed, never fed");
            assertEquals(200, status(gateway, "cam"));
            assertTrue(status(gateway, "demo") == 200);
        }
    }

    @Test
    void theOrphanTimeIsValidatedWithTheOtherKeys() {
        JsonObject bad = config().put("sources", new JsonObject().put("webcamOrphanMs", 50)).put("http", new JsonObject().put("port", -1));
        io.posegate.gateway.config.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.posegate.gateway.config.ConfigException.class,
                () -> io.posegate.gateway.config.GatewayConfigs.parse(bad, UiGateway.CONFIG_DIR));
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("sources.webcamOrphanMs") && p.contains("50")), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("http.port")), "every error is listed: " + e.problems());
        assertEquals(java.time.Duration.ZERO, io.posegate.gateway.config.GatewayConfigs.parse(
                config().put("sources", new JsonObject().put("webcamOrphanMs", 0)), UiGateway.CONFIG_DIR).sources().webcamOrphan());
        assertEquals(java.time.Duration.ofSeconds(60), io.posegate.gateway.config.GatewayConfigs.parse(
                UiGateway.demoConfig(), UiGateway.CONFIG_DIR).sources().webcamOrphan(), "the default");
    }
}
