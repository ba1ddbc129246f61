package io.posegate.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.auth.TokenHash;
import io.posegate.gateway.auth.Tokens;
import io.posegate.gateway.demo.DemoScene;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Webcam mode end to end in headless Chromium: Chromium's fake camera plays a Y4M file of the demo
 * scene, the page sends it over the WebSocket as JPEG, the gateway runs the page's own {@code webcam-…} stream
 * through the simulated backend, and the poses (at least one skeleton of 8+ keypoints) come back and are drawn.
 * A configured stream called {@code webcam} (an operator's camera) is left alone, a reloaded page's
 * webcam stream goes away, a page whose gateway restarted creates its webcam stream again and feeds it, and a page
 * whose stream was deleted, or whose stream id now reads another source, stops instead of reconnecting.
 */
class WebcamBrowserTest {
    static final int W = 640;
    static final int H = 360;
    static final String CONFIGURED = "demo:?people=1&fps=5";
    static Path dir;
    static Path y4m;

    @BeforeAll
    static void video() throws Exception {
        dir = Files.createTempDirectory("posegate-webcam-");
        DemoScene scene = new DemoScene(2 * W, 2 * H, 3);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            frames.add(scene.render(i * 4L));
        }
        y4m = Y4mWriter.write(dir.resolve("demo.y4m"), 2 * W, 2 * H, 10, frames);
    }

    @AfterAll
    static void clean() throws Exception {
        Files.deleteIfExists(y4m);
        Files.deleteIfExists(dir);
    }

    /** The demo config plus a configured stream named {@code webcam} that is not the browser's. */
    static JsonObject config() {
        JsonObject c = UiGateway.demoConfig();
        c.getJsonObject("streams").put("webcam", new JsonObject().put("source", CONFIGURED));
        return c;
    }

    @Test
    @SuppressWarnings("unchecked")
    void webcamFramesComeBackAsPosesAndAConfiguredWebcamStreamIsLeftAlone() throws Exception {
        try (UiGateway gateway = new UiGateway(config());
             Browser browser = Browser.start("--use-file-for-fake-video-capture=" + y4m)) {
            String configured = gateway.json("/api/streams/webcam").getString("source");
            assertTrue(configured.startsWith("demo scene"), configured);
            browser.driver.get(gateway.loginUrl("/"));
            String id = start(browser, gateway);
            assertTrue(id.matches("webcam-[0-9a-f]{8}"), id);
            Map<String, Object> r = browser.until("poses with people back from the webcam stream", 90, d -> {
                Map<String, Object> m = (Map<String, Object>) browser.js(DashboardBrowserTest.READ_OVERLAY, id);
                return m != null && ((Number) m.get("best")).intValue() >= 8 ? m : null;
            });
            Map<String, Object> camera = (Map<String, Object>) browser.js(
                    "const v = document.getElementById('webcam-preview'); return {w: v.videoWidth, h: v.videoHeight};");
            assertEquals(((Number) camera.get("w")).longValue(), ((Number) r.get("fw")).longValue(),
                    "the gateway saw the camera's picture: " + r + " camera " + camera);
            assertEquals(((Number) camera.get("h")).longValue(), ((Number) r.get("fh")).longValue(),
                    "the gateway saw the camera's picture: " + r + " camera " + camera);
            System.out.println("webcam overlay: " + r);
            assertTrue(((Number) r.get("people")).intValue() >= 1, "people found in the camera's picture: " + r);
            assertTrue(((Number) r.get("best")).intValue() >= 8, "a whole skeleton, not stray peaks: " + r);
            assertEquals(((Number) r.get("keypoints")).longValue(), ((Number) r.get("hits")).longValue(),
                    "webcam poses drawn on its overlay: " + r);
            assertEquals(configured, gateway.json("/api/streams/webcam").getString("source"), "the configured 'webcam' stream keeps its source");
            assertEquals("true", browser.driver.findElement(By.id("webcam-toggle")).getAttribute("aria-pressed"));
            String status = browser.driver.findElement(By.id("webcam-status")).getText();
            assertTrue(status.contains("frames sent"), status);

            browser.driver.findElement(By.id("webcam-toggle")).click();
            browser.until("the webcam stream removed", 30, d -> gateway.status("/api/streams/" + id) == 404);
            assertEquals(configured, gateway.json("/api/streams/webcam").getString("source"), "Stop leaves the configured 'webcam' stream");
        }
    }

    @Test
    void reloadingThePageRemovesItsWebcamStream() throws Exception {
        try (UiGateway gateway = new UiGateway(UiGateway.demoConfig());
             Browser browser = Browser.start("--use-file-for-fake-video-capture=" + y4m)) {
            browser.driver.get(gateway.loginUrl("/"));
            String id = start(browser, gateway);
            browser.until("the webcam stream live", 60, d -> phase(gateway, id).equals("live"));
            browser.driver.navigate().refresh();
            browser.until("the reloaded page's old webcam stream removed", 30, d -> gateway.status("/api/streams/" + id) == 404);
        }
    }

    @Test
    void theWebcamComesBackByItselfAfterAGatewayRestart() throws Exception {
        Tokens.Issued admin = Tokens.newToken();
        JsonObject tokens = new JsonObject().put("webcam-admin", new JsonObject().put("role", "admin").put("id", admin.id())
                .put("hash", TokenHash.hash(admin.token())));
        JsonObject cfg = UiGateway.demoConfig().put("auth", new JsonObject().put("anonymous", "viewer").put("tokens", tokens));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (Browser browser = Browser.start("--use-file-for-fake-video-capture=" + y4m)) {
            String id;
            try (UiGateway first = new UiGateway(cfg, UiGateway.CONFIG_DIR, port)) {
                browser.driver.get(first.url("/") + "?token=" + admin.token());
                id = start(browser, first);
                browser.until("the webcam stream live", 60, d -> phase(first, id).equals("live"));
            }
            try (UiGateway second = new UiGateway(cfg, UiGateway.CONFIG_DIR, port)) {
                browser.until("the page's webcam stream created again on the restarted gateway and fed", 90,
                        d -> phase(second, id).equals("live"));
                assertEquals("true", browser.driver.findElement(By.id("webcam-toggle")).getAttribute("aria-pressed"), "still running");
            }
        }
    }

    /**
     * Someone {@code PUT} the page's stream id with another source: the gateway closes the page's socket (no stream
     * reads its feed now), the page asks for its stream, finds the other source and stops for good, saying so, instead
     * of reconnecting again and again; its stream is no longer its own, so leaving the page would not delete it.
     */
    @Test
    void aPageWhoseStreamIdNowReadsAnotherSourceStops() throws Exception {
        try (UiGateway gateway = new UiGateway(UiGateway.demoConfig());
             Browser browser = Browser.start("--use-file-for-fake-video-capture=" + y4m)) {
            browser.driver.get(gateway.loginUrl("/"));
            String id = start(browser, gateway);
            browser.until("the webcam stream live", 60, d -> phase(gateway, id).equals("live"));
            UiGateway.Reply put = gateway.request(HttpMethod.PUT, "/api/streams/" + id, new JsonObject().put("source", CONFIGURED));
            assertEquals(200, put.status(), put.text());
            browser.until("the page stopped its webcam", 60, d -> "false".equals(pressed(browser)));
            String status = browser.driver.findElement(By.id("webcam-status")).getText();
            assertTrue(status.contains("now reads demo"), status);
            assertEquals(Boolean.FALSE, browser.js("return window.posegate.webcam.created"), "leaving the page leaves that stream alone");
            assertTrue(gateway.json("/api/streams/" + id).getString("source").startsWith("demo scene"));
        }
    }

    /** An operator deleted the page's stream: the page stops (saying so) instead of adding it again. */
    @Test
    void aPageWhoseStreamWasDeletedStopsWithoutAddingItAgain() throws Exception {
        try (UiGateway gateway = new UiGateway(UiGateway.demoConfig());
             Browser browser = Browser.start("--use-file-for-fake-video-capture=" + y4m)) {
            browser.driver.get(gateway.loginUrl("/"));
            String id = start(browser, gateway);
            browser.until("the webcam stream live", 60, d -> phase(gateway, id).equals("live"));
            assertEquals(204, gateway.request(HttpMethod.DELETE, "/api/streams/" + id, null).status());
            browser.until("the page stopped its webcam", 60, d -> "false".equals(pressed(browser)));
            String status = browser.driver.findElement(By.id("webcam-status")).getText();
            assertTrue(status.contains("the stream reading webcam:" + id + " was deleted"), status);
            assertEquals(404, gateway.status("/api/streams/" + id), "not added again");
        }
    }

    static String pressed(Browser browser) {
        return browser.driver.findElement(By.id("webcam-toggle")).getAttribute("aria-pressed");
    }

    /** Clicks Start webcam; returns the page's webcam stream id once the gateway has that stream. */
    static String start(Browser browser, UiGateway gateway) {
        browser.until("the page to boot and log in", 30, d -> browser.js("return window.posegate && window.posegate.webcam && window.posegate.session ? 1 : null"));
        String id = String.valueOf(browser.js("return window.posegate.webcam.id"));
        browser.driver.findElement(By.id("webcam-toggle")).click();
        browser.until("the webcam stream created", 60, d -> gateway.status("/api/streams/" + id) == 200);
        return id;
    }

    static String phase(UiGateway gateway, String id) {
        try {
            return gateway.json("/api/streams/" + id).getJsonObject("state").getString("phase");
        } catch (Exception | AssertionError e) { // not there (yet): json() asserts a 200
            return String.valueOf(e.getMessage());
        }
    }
}
