package io.posegate.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.cli.Main;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code posegate infer} with the real human-pose-estimation-0001 (ONNX) on messi5.jpg, when POSEGATE_SHARED is set. */
class InferRealModelTest {
    /** The player's bounding box in messi5.jpg (548x342), read off the picture: x0, y0, x1, y1. */
    private static final double[] PLAYER = {60, 55, 465, 342};

    static Path shared() {
        String s = System.getenv("POSEGATE_SHARED");
        assumeTrue(s != null, "POSEGATE_SHARED is not set: skipping the test on the real model and media");
        return Path.of(s);
    }

    static JsonObject infer(String backend, Path model, Path image) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        int code;
        try {
            code = Main.commandLine().execute("infer", "--model", "human-pose-estimation-0001", "--models-dir",
                    "../config/models", "--model-file", model.toString(), "--image", image.toString(), "--backend", backend);
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code, "infer failed: " + out);
        return new JsonObject(out.toString().trim());
    }

    @Test
    void findsThePlayerWithTwelveKeypointsInsideHisBox() {
        Path shared = shared();
        JsonObject frame = infer("onnx", shared.resolve("models/human-pose-estimation-0001/human-pose-estimation-0001.onnx"),
                shared.resolve("media/messi5.jpg"));
        assertEquals(548, frame.getInteger("width"));
        assertEquals("human-pose-estimation-0001", frame.getString("model"));
        boolean found = false;
        for (Object o : frame.getJsonArray("people")) {
            JsonArray kps = ((JsonObject) o).getJsonArray("keypoints");
            int inside = 0;
            int present = 0;
            for (Object k : kps) {
                if (k instanceof JsonObject kp) {
                    present++;
                    double x = kp.getDouble("x");
                    double y = kp.getDouble("y");
                    if (x >= PLAYER[0] && x <= PLAYER[2] && y >= PLAYER[1] && y <= PLAYER[3]) {
                        inside++;
                    }
                }
            }
            if (present >= 12 && inside == present) {
                found = true;
            }
        }
        assertTrue(found, "no person with >= 12 keypoints all inside the player's box: " + frame.getJsonArray("people"));
        System.out.println("infer latency on messi5.jpg: " + frame.getJsonObject("latencyMs") + " open " + frame.getDouble("openMs") + " ms");
    }
}
