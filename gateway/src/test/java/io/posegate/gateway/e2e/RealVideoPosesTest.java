package io.posegate.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.testing.Await;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

/** vtest.avi through human-pose-estimation-0001 on ONNX Runtime: a real video, a real model, poses with people. */
class RealVideoPosesTest {
    @Test
    void pedestrianVideoYieldsPoseFramesWithPeople() throws Exception {
        String shared = System.getenv("POSEGATE_SHARED");
        assumeTrue(shared != null, "POSEGATE_SHARED is not set: skipping vtest.avi through human-pose-estimation-0001");
        Path root = Path.of(shared);
        JsonObject config = new JsonObject().put("model", "human-pose-estimation-0001").put("backend", "onnx")
                .put("modelFile", root.resolve("models/human-pose-estimation-0001/human-pose-estimation-0001.onnx").toString())
                // decode -> model -> /ws is under test, not tracking (a new track is published only once confirmed
                // over several frames; tracking has its own tests and the eval-tracking command)
                .put("tracking", new JsonObject().put("enabled", false))
                .put("streams", new JsonObject().put("square", new JsonObject()
                        .put("source", "file:" + root.resolve("media/vtest.avi") + "#loop=true")));
        try (GatewayHarness gw = new GatewayHarness(config)) {
            BlockingQueue<JsonObject> messages = gw.connect();
            int frames = 0;
            int withPeople = 0;
            int maxPeople = 0;
            while (frames < 6) {
                int got = frames;
                JsonObject m = Await.next(messages, x -> "poses".equals(x.getString("type")), Await.PATIENCE,
                        () -> "pose frame " + (got + 1) + " of 6; streams: " + gw.streamsForDiagnosis());
                frames++;
                assertEquals(768, m.getInteger("width"));
                assertEquals(576, m.getInteger("height"));
                int people = m.getJsonArray("people").size();
                maxPeople = Math.max(maxPeople, people);
                if (people > 0) {
                    withPeople++;
                }
            }
            System.out.println("vtest.avi: " + withPeople + " of " + frames + " frames with people, at most " + maxPeople);
            assertTrue(withPeople >= 5, withPeople + " of " + frames + " frames had people");
        }
    }
}
