package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.control.ConfigReloader;
import io.posegate.gateway.testing.Await;
import io.posegate.gateway.ui.UiGateway;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever takes a webcam stream away, not only the orphan removal, closes the feeding sockets of its feed (1001) once
 * no running stream reads that feed: a {@code DELETE} (reason {@code the stream reading webcam:NAME was deleted}, so
 * the page stops instead of adding the stream again), a {@code PUT} that replaces it with another source
 * ({@code … was replaced}), and a config change that drops it ({@code … was removed}). A replacement that still reads
 * the feed, or a feed another stream reads, keeps its sockets.
 */
class StreamLeavingClosesFeedSocketsTest {
    private static final String PAGE = "webcam-0a1b2c3d";

    private static JsonObject config() {
        return UiGateway.demoConfig().put("tracking", new JsonObject().put("enabled", false))
                .put("sources", new JsonObject().put("webcamOrphanMs", 0));
    }

    private static void put(UiGateway gateway, String id, String source) throws Exception {
        UiGateway.Reply put = gateway.request(HttpMethod.PUT, "/api/streams/" + id, new JsonObject().put("source", source));
        assertEquals(200, put.status(), put.text());
    }

    /** A page's feeding socket on {@code feed}, once the gateway greeted it (it is attached then). */
    private static WebSocket pageSocket(UiGateway gateway, String feed) throws Exception {
        List<String> said = new CopyOnWriteArrayList<>();
        WebSocket ws = gateway.webSocket("/ws?webcam=" + feed, said::add);
        Await.until(() -> !said.isEmpty() || ws.isClosed(), Await.PATIENCE, () -> "greeted");
        assertFalse(ws.isClosed(), "a stream reads " + feed + ": attached");
        return ws;
    }

    private static void assertClosed(WebSocket ws, String reason) throws InterruptedException {
        Await.until(ws::isClosed, Await.PATIENCE, () -> "the feeding socket closed");
        assertEquals((short) 1001, ws.closeStatusCode());
        assertEquals(reason, ws.closeReason());
    }

    @Test
    void deletingTheStreamClosesItsFeedSocketsNamingTheDeletion() throws Exception {
        try (UiGateway gateway = new UiGateway(config())) {
            put(gateway, PAGE, "webcam:" + PAGE);
            put(gateway, "copy", "webcam:shared");
            put(gateway, "original", "webcam:shared");
            WebSocket page = pageSocket(gateway, PAGE);
            WebSocket shared = pageSocket(gateway, "shared");

            assertEquals(204, gateway.request(HttpMethod.DELETE, "/api/streams/" + PAGE, null).status());
            assertClosed(page, "the stream reading webcam:" + PAGE + " was deleted");
            assertEquals(204, gateway.request(HttpMethod.DELETE, "/api/streams/copy", null).status());
            assertEquals(1, gateway.verticle().webcams().links("shared"), "stream original still reads the feed");
            assertFalse(shared.isClosed());
        }
    }

    @Test
    void replacingTheStreamWithAnotherSourceClosesItsFeedSockets() throws Exception {
        try (UiGateway gateway = new UiGateway(config())) {
            put(gateway, PAGE, "webcam:" + PAGE);
            WebSocket page = pageSocket(gateway, PAGE);
            put(gateway, PAGE, "webcam:" + PAGE); // the page adding it again, a restart: still reads the feed
            assertEquals(1, gateway.verticle().webcams().links(PAGE), "a replacement reading the same feed keeps it");
            assertFalse(page.isClosed());

            put(gateway, PAGE, "demo:?people=1&fps=5"); // someone took the id for another source
            assertClosed(page, "the stream reading webcam:" + PAGE + " was replaced");
            assertEquals(0, gateway.verticle().webcams().links(PAGE));
        }
    }

    @Test
    void aConfigChangeDroppingAWebcamStreamClosesItsFeedSockets(@TempDir Path dir) throws Exception {
        try (UiGateway gateway = new UiGateway(config())) {
            GatewayVerticle v = gateway.verticle();
            JsonObject file = config().put("modelsDir", UiGateway.CONFIG_DIR.resolve("models").toString());
            Path yaml = Files.writeString(dir.resolve("gateway.yaml"), file.encode());
            ConfigReloader reloader = new ConfigReloader(gateway.vertx(), v.gateway(), new GatewayConfigLoader(gateway.vertx(), yaml),
                    Map.of());
            try {
                reloader.fileTree(file);
                JsonObject withCam = file.copy();
                withCam.getJsonObject("streams").put("cam", new JsonObject().put("source", "webcam:cam"));
                reloader.apply(withCam);
                WebSocket cam = pageSocket(gateway, "cam");
                reloader.apply(file);
                assertClosed(cam, "the stream reading webcam:cam was removed");
            } finally {
                reloader.close();
            }
        }
    }
}
