package io.posegate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.backend.BackendRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code posegate infer --model posenet-mobilenet-v1-075 --model-file ... --image test_couple.jpg} on the
 * real PoseNet from POSEGATE_SHARED: the ONNX file on ONNX Runtime and the TFLite file (UINT8 NHWC input,
 * quantised NHWC outputs) on OpenVINO each print a pose frame of 2 people with 17 keypoints, which agree
 * with Coral's own decoder output (reference-test_couple.csv, in 481x353 model pixels): at least 30 of the
 * 34 keypoints within 4 px and pose scores within 0.05, the bar (our input is resized bilinearly,
 * Coral's with nearest neighbour).
 */
class PoseNetInferTest {
    private static Path dir;
    private static Path image;
    private static List<float[]> reference;

    @BeforeAll
    static void requireShared() throws Exception {
        String shared = System.getenv("POSEGATE_SHARED");
        assumeTrue(shared != null && !shared.isBlank(), "POSEGATE_SHARED is not set (folder with models/ and media/)");
        dir = Path.of(shared, "models/posenet-mobilenet-v1-075");
        image = Path.of(shared, "media/test_couple.jpg");
        assumeTrue(Files.isDirectory(dir) && Files.isRegularFile(image), "POSEGATE_SHARED lacks " + dir + " or " + image);
        reference = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("reference-test_couple.csv"))) {
            String[] f = line.split(",");
            if (f.length == 6 && f[0].trim().matches("\\d+")) {
                // pose id, pose score, keypoint label (rows in COCO-17 order), keypoint score, x, y
                reference.add(new float[] {Float.parseFloat(f[0]), Float.parseFloat(f[1]), 0f, Float.parseFloat(f[3]),
                    Float.parseFloat(f[4]), Float.parseFloat(f[5])});
            }
        }
        assertEquals(34, reference.size(), "reference rows");
    }

    private static JsonObject infer(String file, String backend) {
        CliRunner.Result r = CliRunner.run("infer", "--model", "posenet-mobilenet-v1-075", "--models-dir", "../config/models",
                "--model-file", dir.resolve(file).toString(), "--image", image.toString(), "--backend", backend);
        assertEquals(0, r.code(), r.err());
        return new JsonObject(r.out().trim());
    }

    /** Keypoints of the frame within 4 px (in 481x353 model pixels) of Coral's, matching each person to a reference pose. */
    private static int agreeing(JsonObject frame) {
        float sx = 481f / frame.getInteger("width");
        float sy = 353f / frame.getInteger("height");
        int best = 0;
        JsonArray people = frame.getJsonArray("people");
        for (int swap = 0; swap < 2; swap++) {
            int n = 0;
            for (int p = 0; p < people.size(); p++) {
                JsonArray kps = people.getJsonObject(p).getJsonArray("keypoints");
                for (float[] ref : reference) {
                    if ((int) ref[0] != (p ^ swap)) {
                        continue;
                    }
                    int k = reference.indexOf(ref) % 17;
                    JsonObject kp = kps.getJsonObject(k);
                    if (kp != null && Math.hypot(kp.getFloat("x") * sx - ref[4], kp.getFloat("y") * sy - ref[5]) <= 4) {
                        n++;
                    }
                }
            }
            best = Math.max(best, n);
        }
        return best;
    }

    private static void assertTwoPeopleOf17(JsonObject frame, String what) {
        assertEquals("posenet-mobilenet-v1-075", frame.getString("model"));
        assertEquals("coco17", frame.getString("topology"));
        JsonArray people = frame.getJsonArray("people");
        assertEquals(2, people.size(), what + ": " + frame.encode());
        for (int p = 0; p < 2; p++) {
            JsonArray kps = people.getJsonObject(p).getJsonArray("keypoints");
            assertEquals(17, kps.size(), what);
            assertTrue(kps.stream().allMatch(k -> k != null), what + ": every keypoint present: " + kps);
        }
        int agree = agreeing(frame);
        System.out.println("posenet " + what + ": " + agree + " of 34 keypoints within 4 px of Coral's reference");
        assertTrue(agree >= 30, what + ": only " + agree + " of 34 keypoints within 4 px of Coral's reference");
        for (int p = 0; p < 2; p++) {
            float score = people.getJsonObject(p).getFloat("score");
            boolean near = reference.stream().anyMatch(r -> Math.abs(r[1] - score) <= 0.05f);
            assertTrue(near, what + ": pose score " + score + " is not within 0.05 of a reference pose's");
        }
    }

    @Test
    void onnxFileOnOnnxRuntime() {
        assertTwoPeopleOf17(infer("posenet_mobilenet_v1_075_353_481_quant.onnx", "onnx"), "ONNX on onnx");
    }

    @Test
    void tfliteFileOnOpenVino() {
        var probe = BackendRegistry.discover().probe("openvino");
        assumeTrue(probe.available(), () -> "openvino unavailable: " + probe.reason());
        assertTwoPeopleOf17(infer("posenet_mobilenet_v1_075_353_481_quant.tflite", "openvino"), "TFLite on openvino");
    }
}
