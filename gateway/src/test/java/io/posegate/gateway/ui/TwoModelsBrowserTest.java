package io.posegate.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;

/**
 * One gateway, two streams, two models of two families: vtest.avi through human-pose-estimation-0001 (PAF,
 * COCO-18) and test_couple.jpg ({@code images:}) through PoseNet MobileNet v1 0.75 (COCO-17), both on
 * ONNX Runtime. The API and the pose frames name each stream's model and topology, and headless Chromium
 * draws each stream with its own skeleton (an edge only its own topology has is painted).
 */
class TwoModelsBrowserTest {
    /**
     * For stream {@code id}: the alpha of the overlay pixel at the middle of each candidate edge [a, b]
     * (the first one per person whose keypoints are both present and apart) in the frame last drawn, and
     * the frame's model and topology.
     */
    static final String EDGE_PAINT = """
            const [id, candidates] = arguments;
            const card = document.querySelector(`.card[data-stream="${id}"]`);
            const frame = window.posegate && window.posegate.frames.get(id);
            if (!card || !frame || !frame.people || frame.people.length === 0) return null;
            const canvas = card.querySelector('canvas.overlay');
            if (canvas.width !== frame.width || canvas.height !== frame.height) return null;
            const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            const alphas = [];
            for (const p of frame.people) {
              const edge = candidates.find(([a, b]) => p.keypoints[a] && p.keypoints[b]
                  && Math.hypot(p.keypoints[a].x - p.keypoints[b].x, p.keypoints[a].y - p.keypoints[b].y) >= 12);
              if (!edge) continue;
              const ka = p.keypoints[edge[0]], kb = p.keypoints[edge[1]];
              const x = Math.floor((ka.x + kb.x) / 2), y = Math.floor((ka.y + kb.y) / 2);
              if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) continue;
              alphas.push(px[(y * canvas.width + x) * 4 + 3]);
            }
            if (alphas.length === 0) return null;
            const topo = window.posegate.topologies[id];
            return {alphas, model: frame.model, topology: frame.topology, drawnWith: topo && topo.name,
                    edges: topo && topo.limbs.length, people: frame.people.length};
            """;

    static final List<List<Integer>> COCO18_ONLY = List.of(List.of(1, 8), List.of(1, 11), List.of(1, 5), List.of(2, 3),
            List.of(3, 4), List.of(6, 7), List.of(8, 9), List.of(9, 10), List.of(12, 13), List.of(0, 14), List.of(14, 16),
            List.of(0, 15), List.of(15, 17), List.of(2, 16), List.of(5, 17));

    static UiGateway gateway;
    static Browser browser;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        String shared = System.getenv("POSEGATE_SHARED");
        assumeTrue(shared != null && !shared.isBlank(), "POSEGATE_SHARED is not set: skipping the two-model dashboard test");
        Path root = Path.of(shared);
        Path couple = Files.createDirectories(dir.resolve("couple"));
        Files.copy(root.resolve("media/test_couple.jpg"), couple.resolve("test_couple.jpg"));
        JsonObject streams = new JsonObject()
                .put("street", new JsonObject().put("source", "file:" + root.resolve("media/vtest.avi") + "#loop=true"))
                .put("couple", new JsonObject().put("source", "images:" + couple + "#loop=true&fps=4")
                        .put("model", "posenet-mobilenet-v1-075")
                        .put("modelFile", root.resolve("models/posenet-mobilenet-v1-075/posenet_mobilenet_v1_075_353_481_quant.onnx").toString()));
        JsonObject config = new JsonObject().put("model", "human-pose-estimation-0001").put("backend", "onnx")
                .put("modelFile", root.resolve("models/human-pose-estimation-0001/human-pose-estimation-0001.onnx").toString())
                .put("streams", streams);
        gateway = new UiGateway(config);
        browser = Browser.start("--window-size=1400,1000", "--force-device-scale-factor=1");
        browser.driver.get(gateway.url("/"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void theApiNamesEachStreamsModelAndTopology() throws Exception {
        JsonArray streams = gateway.json("/api/streams").getJsonArray("streams");
        JsonObject street = null;
        JsonObject couple = null;
        for (int i = 0; i < streams.size(); i++) {
            JsonObject s = streams.getJsonObject(i);
            street = "street".equals(s.getString("id")) ? s : street;
            couple = "couple".equals(s.getString("id")) ? s : couple;
        }
        assertEquals("human-pose-estimation-0001", street.getString("model"));
        assertEquals("paf", street.getString("decoder"));
        assertEquals(18, street.getJsonObject("topology").getJsonArray("keypoints").size());
        assertEquals(19, street.getJsonObject("topology").getJsonArray("limbs").size());
        assertEquals("posenet-mobilenet-v1-075", couple.getString("model"));
        assertEquals("posenet", couple.getString("decoder"));
        assertEquals("coco17", couple.getJsonObject("topology").getString("name"));
        assertEquals(17, couple.getJsonObject("topology").getJsonArray("keypoints").size());
        assertEquals("posenet-mobilenet-v1-075", gateway.json("/api/model?stream=couple").getString("name"));
        JsonObject model = gateway.json("/api/model");
        assertEquals("human-pose-estimation-0001", model.getString("name"));
        assertEquals("posenet-mobilenet-v1-075", model.getJsonObject("streams").getString("couple"));
        assertEquals(404, gateway.get("/api/model?stream=nope").status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachStreamIsDrawnWithItsOwnSkeleton() throws Exception {
        // COCO-17 edge left_shoulder(5)-left_hip(11): PoseNet's skeleton has it, COCO-18's does not
        Map<String, Object> couple = browser.until("the couple drawn with PoseNet's skeleton", 180, d -> {
            Map<String, Object> m = (Map<String, Object>) browser.js(EDGE_PAINT, "couple", List.of(List.of(5, 11)));
            return m != null && "coco17".equals(m.get("drawnWith")) ? m : null;
        });
        assertEquals("posenet-mobilenet-v1-075", couple.get("model"), couple.toString());
        assertEquals("coco17", couple.get("topology"), couple.toString());
        assertEquals(2L, ((Number) couple.get("people")).longValue(), couple.toString());
        for (Object a : (java.util.List<Object>) couple.get("alphas")) {
            assertTrue(((Number) a).intValue() > 0, "shoulder-hip edge painted on each person: " + couple);
        }
        // edges of the PAF model's COCO-18 skeleton that COCO-17's (same indices) does not have, e.g. neck-hip 1-8
        Map<String, Object> street = browser.until("vtest.avi drawn with the PAF model's skeleton", 180, d -> {
            Map<String, Object> m = (Map<String, Object>) browser.js(EDGE_PAINT, "street", COCO18_ONLY);
            return m != null && "coco18".equals(m.get("drawnWith")) ? m : null;
        });
        assertEquals("human-pose-estimation-0001", street.get("model"), street.toString());
        assertEquals(19L, ((Number) street.get("edges")).longValue(), street.toString());
        long painted = ((java.util.List<Object>) street.get("alphas")).stream().filter(a -> ((Number) a).intValue() > 0).count();
        assertTrue(painted >= 1, "a COCO-18 edge is painted on the street: " + street);
        Path shot = Path.of("target", "two-models.png");
        Files.write(shot, browser.driver.getScreenshotAs(OutputType.BYTES));
        System.out.println("two models: couple " + couple + ", street " + street + "; screenshot " + shot.toAbsolutePath());
    }
}
