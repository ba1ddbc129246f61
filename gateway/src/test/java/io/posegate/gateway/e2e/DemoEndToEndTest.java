package io.posegate.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.demo.DemoScene;
import io.posegate.gateway.testing.Await;
import io.posegate.grouping.tracking.KeypointSigmas;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * The demo end to end through the real code: demo source, pre-processing, simulated backend, grouping,
 * tracking, event bus, WebSocket. A real WebSocket client checks the people against the scene's own
 * ground truth for the frame's sequence number.
 */
class DemoEndToEndTest {
    private static final int FRAMES = 30;

    @Test
    void webSocketPeopleMatchTheDemoScene() throws Exception {
        JsonObject config = new JsonObject().put("model", "demo-simulated")
                .put("streams", new JsonObject().put("demo", new JsonObject().put("source", "demo:?people=4&fps=20")));
        try (GatewayHarness gw = new GatewayHarness(config)) {
            BlockingQueue<JsonObject> messages = gw.connect();
            JsonObject hello = Await.next(messages, m -> true, Await.PATIENCE, () -> "the first message (hello)");
            assertEquals("hello", hello.getString("type"));
            assertTrue(hello.getBoolean("demo"));
            List<JsonObject> frames = new ArrayList<>();
            // a new track is published once confirmed (a few frames), so counting starts at the first frame with people
            Await.next(messages, m -> "poses".equals(m.getString("type")) && !m.getJsonArray("people").isEmpty(),
                    Await.PATIENCE, () -> "a pose frame with confirmed people");
            while (frames.size() < FRAMES) {
                frames.add(Await.next(messages, m -> "poses".equals(m.getString("type")), Await.PATIENCE,
                        () -> "pose frame " + (frames.size() + 1) + " of " + FRAMES));
            }
            DemoScene scene = new DemoScene(640, 360, 4);
            float[] sigmas = null;
            int matched = 0;
            int truths = 0;
            double sum = 0;
            for (JsonObject f : frames) {
                assertEquals(1, f.getInteger("v"));
                assertEquals("demo", f.getString("stream"));
                assertEquals(640, f.getInteger("width"));
                assertEquals(true, f.getBoolean("demo"));
                assertTrue(f.getJsonObject("latencyMs").getDouble("total") >= 0);
                JsonArray people = f.getJsonArray("people");
                if (sigmas == null) {
                    sigmas = KeypointSigmas.forNames(io.posegate.grouping.Topologies.coco18OpenPose().keypoints());
                }
                for (float[][] truth : scene.people(f.getLong("seq"))) {
                    if (Oks.visible(truth) < 5) {
                        continue;
                    }
                    truths++;
                    double best = 0;
                    for (int i = 0; i < people.size(); i++) {
                        best = Math.max(best, Oks.of(truth, people.getJsonObject(i), sigmas));
                    }
                    sum += best;
                    if (best >= 0.9) {
                        matched++;
                    } else {
                        System.out.println("seq " + f.getLong("seq") + " visible " + Oks.visible(truth) + " best OKS " + best
                                + " people " + people.size());
                    }
                }
            }
            assertTrue(truths >= FRAMES * 2, "too few visible people in the scene: " + truths);
            double mean = sum / truths;
            System.out.println("mean OKS " + mean + ", " + matched + " of " + truths + " people with OKS >= 0.9");
            assertTrue(mean >= 0.9, "mean OKS " + mean + " < 0.9 over " + truths + " people");
            assertTrue(matched >= 0.9 * truths, matched + " of " + truths + " people matched with OKS >= 0.9");
            assertTrue(frames.stream().anyMatch(f -> f.getJsonArray("people").stream()
                    .anyMatch(p -> ((JsonObject) p).containsKey("id"))), "tracking gave no ids");
        }
    }
}
