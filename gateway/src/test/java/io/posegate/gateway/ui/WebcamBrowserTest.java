package io.posegate.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.demo.DemoScene;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Webcam mode end to end in headless Chromium: Chromium's fake camera plays a Y4M file of the demo
 * scene, the page sends it over the WebSocket as JPEG, the gateway's {@code webcam} stream runs it through
 * the simulated backend, and the poses (at least one skeleton of 8+ keypoints) come back and are drawn.
 */
class WebcamBrowserTest {
    static final int W = 640;
    static final int H = 360;

    @Test
    @SuppressWarnings("unchecked")
    void webcamFramesComeBackAsPoses() throws Exception {
        Path dir = Files.createTempDirectory("posegate-webcam-");
        DemoScene scene = new DemoScene(2 * W, 2 * H, 3);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            frames.add(scene.render(i * 4L));
        }
        Path y4m = Y4mWriter.write(dir.resolve("demo.y4m"), 2 * W, 2 * H, 10, frames);
        try (UiGateway gateway = new UiGateway(UiGateway.demoConfig());
             Browser browser = Browser.start("--use-file-for-fake-video-capture=" + y4m)) {
            browser.driver.get(gateway.loginUrl("/"));
            browser.until("the page to boot and log in", 30, d -> browser.js("return window.posegate && window.posegate.webcam && window.posegate.session ? 1 : null"));
            browser.driver.findElement(By.id("webcam-toggle")).click();
            browser.until("the webcam stream created", 60, d -> gateway.status("/api/streams/webcam") == 200);
            Map<String, Object> r = browser.until("poses with people back from the webcam stream", 90, d -> {
                Map<String, Object> m = (Map<String, Object>) browser.js(DashboardBrowserTest.READ_OVERLAY, "webcam");
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
            assertEquals("true", browser.driver.findElement(By.id("webcam-toggle")).getAttribute("aria-pressed"));
            String status = browser.driver.findElement(By.id("webcam-status")).getText();
            assertTrue(status.contains("frames sent"), status);

            browser.driver.findElement(By.id("webcam-toggle")).click();
            browser.until("the webcam stream removed", 30, d -> gateway.status("/api/streams/webcam") == 404);
        } finally {
            Files.deleteIfExists(y4m);
            Files.deleteIfExists(dir);
        }
    }
}
