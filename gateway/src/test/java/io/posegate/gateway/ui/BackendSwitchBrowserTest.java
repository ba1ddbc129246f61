package io.posegate.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.testing.Await;
import io.posegate.spi.testing.OnnxTestModel;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Switching backend from the dashboard changes the active backend: a gateway runs the spi test-jar's
 * small ONNX pose-shaped model on ONNX Runtime, and the page's backends panel swaps it to OpenVINO and back.
 * Skips, with the probe's reason, when OpenVINO's runtime is not installed.
 */
class BackendSwitchBrowserTest {
    @Test
    void switchingFromTheUiChangesTheActiveBackend() throws Exception {
        Path dir = Files.createTempDirectory("posegate-switch-");
        new OnnxTestModel(8).write(dir.resolve("pose-test.onnx"));
        Path descriptor = Files.writeString(dir.resolve("pose-test.yaml"), descriptorYaml());
        JsonObject cfg = new JsonObject().put("model", descriptor.toString()).put("backend", "onnx")
                .put("backends", new JsonObject().put("onnx", new JsonObject().put("intraOpThreads", 1))
                        .put("openvino", new JsonObject().put("device", "CPU")))
                .put("streams", new JsonObject().put("demo", new JsonObject().put("source", "demo:?people=2&fps=10")));
        try (Browser browser = Browser.start(); UiGateway gateway = new UiGateway(cfg, dir)) {
            JsonObject openvino = probe(gateway.json("/api/backends"), "openvino");
            assumeTrue(openvino.getBoolean("available"), "skipped: openvino unavailable: " + openvino.getString("reason"));
            Await.until(() -> active(gateway).startsWith("onnx"), Await.PATIENCE, () -> "the demo stream on onnx");

            browser.driver.get(gateway.loginUrl("/"));
            switchTo(browser, "openvino");
            browser.until("the UI to mark openvino active", 30,
                    d -> !d.findElements(By.cssSelector("#backend-list li.active[data-backend=openvino]")).isEmpty());
            assertTrue(active(gateway).startsWith("openvino"), "gateway: " + active(gateway));
            assertEquals("openvino", gateway.json("/api/backends").getString("default"));
            browser.until("a pose frame run by openvino", 60, d -> String.valueOf(browser.js(
                    "const f = window.posegate.frames.get('demo'); return f ? f.backend : ''")).startsWith("openvino"));

            switchTo(browser, "onnx");
            browser.until("the UI to mark onnx active", 30,
                    d -> !d.findElements(By.cssSelector("#backend-list li.active[data-backend=onnx]")).isEmpty());
            assertTrue(active(gateway).startsWith("onnx"), "gateway: " + active(gateway));
        }
    }

    private static void switchTo(Browser browser, String backend) {
        browser.until("option " + backend, 30, d -> d.findElements(By.cssSelector("#backend-select option[value=" + backend + "]")).size() == 1);
        WebElement select = browser.driver.findElement(By.id("backend-select"));
        select.sendKeys(backend);
        assertEquals(backend, select.getAttribute("value"));
        browser.driver.findElement(By.id("switch-button")).sendKeys(Keys.ENTER);
        browser.until("the swap to " + backend + " to succeed", 120, d -> {
            Object kind = browser.js("return document.getElementById('swap-status').dataset.kind");
            if ("error".equals(kind)) {
                throw new AssertionError("swap failed in the UI: " + d.findElement(By.id("swap-status")).getText());
            }
            return "ok".equals(kind) && d.findElement(By.id("swap-status")).getText().contains(backend);
        });
    }

    private static String active(UiGateway gateway) {
        try {
            String a = gateway.json("/api/backends").getJsonObject("active").getString("demo");
            return a == null ? "" : a;
        } catch (Exception e) {
            return "";
        }
    }

    private static JsonObject probe(JsonObject backends, String name) {
        for (Object o : backends.getJsonArray("backends")) {
            JsonObject p = (JsonObject) o;
            if (name.equals(p.getString("name"))) {
                return p;
            }
        }
        return new JsonObject().put("available", false).put("reason", "backend '" + name + "' not discovered");
    }

    /** A descriptor for {@link OnnxTestModel}: OpenPose-shaped outputs at stride 8, COCO-18 topology. */
    private static String descriptorYaml() {
        StringBuilder skeleton = new StringBuilder();
        StringBuilder fields = new StringBuilder();
        int[][] l = {{1, 2}, {1, 5}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {1, 8}, {8, 9}, {9, 10}, {1, 11}, {11, 12}, {12, 13},
            {1, 0}, {0, 14}, {14, 16}, {0, 15}, {15, 17}, {2, 16}, {5, 17}};
        for (int i = 0; i < l.length; i++) {
            skeleton.append("    - [").append(l[i][0]).append(", ").append(l[i][1]).append("]\n");
            fields.append("    - [").append(2 * i).append(", ").append(2 * i + 1).append("]\n");
        }
        return """
                name: pose-test
                family: openpose
                model:
                  format: onnx
                  file: pose-test.onnx
                input:
                  name: input
                  height: 128
                  width: 224
                  layout: NCHW
                  colorOrder: bgr
                  normalization: {scale: 0.00392156862}
                  resize: letterbox
                  padValue: 0
                output:
                  stride: 8
                  tensors:
                    heatmaps: {name: heatmaps, channels: [0, 19]}
                    pafs: {name: pafs, channels: [0, 38]}
                topology:
                  name: coco18
                  keypoints: [nose, neck, right_shoulder, right_elbow, right_wrist, left_shoulder, left_elbow, left_wrist, right_hip, right_knee, right_ankle, left_hip, left_knee, left_ankle, right_eye, left_eye, right_ear, left_ear]
                  skeleton:
                """ + skeleton + """
                decoder:
                  name: paf
                  background: 18
                  strategy: openpose
                  peakThreshold: 0.1
                  linkThreshold: 0.05
                  window: 3
                  samples: 10
                  maxPeaks: 100
                  maxPeople: 20
                  fields:
                """ + fields;
    }
}
