package io.posegate.backend.openvino;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import io.posegate.spi.Tensor;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real human-pose-estimation-0001 network on messi5.jpg from POSEGATE_SHARED, as ONNX and as IR
 * (FP16-INT8 weights), on OpenVINO's CPU device. Prints the largest absolute differences between them.
 */
class HumanPoseModelTest {
    private static final String PAFS = "Mconv7_stage2_L1";
    private static final String HEATMAPS = "Mconv7_stage2_L2";
    private static final long[] INPUT = {1, 3, 256, 456};
    private static Path models;
    private static Path image;

    @BeforeAll
    static void requireSharedAndRuntime() {
        String shared = System.getenv("POSEGATE_SHARED");
        assumeTrue(shared != null && !shared.isBlank(), "POSEGATE_SHARED is not set (folder with models/ and media/)");
        models = Path.of(shared, "models/human-pose-estimation-0001");
        image = Path.of(shared, "media/messi5.jpg");
        assumeTrue(Files.isDirectory(models) && Files.isRegularFile(image), "POSEGATE_SHARED lacks " + models + " or " + image);
        Probe probe = new OpenVinoProvider().probe();
        assumeTrue(probe.available(), () -> "openvino unavailable: " + probe.reason());
    }

    private static float[][] run(String file, ModelFormat format, Map<String, String> options) throws Exception {
        ModelSpec spec = new ModelSpec(format, models.resolve(file), "data", INPUT, List.of(HEATMAPS, PAFS));
        try (BackendSession s = new OpenVinoProvider().open(spec, BackendOptions.of(options))) {
            Tensor input = HumanPoseImage.load(image, "data", 256, 456);
            try (InferenceResult r = s.run(input)) {
                assertArrayEquals(new long[] {1, 19, 32, 57}, r.output(HEATMAPS).shape(), file + " heatmaps");
                assertArrayEquals(new long[] {1, 38, 32, 57}, r.output(PAFS).shape(), file + " pafs");
                return new float[][] {copy(r.output(HEATMAPS)), copy(r.output(PAFS))};
            }
        }
    }

    private static float[] copy(Tensor t) {
        FloatBuffer fb = t.floats();
        float[] a = new float[fb.remaining()];
        fb.get(a);
        return a;
    }

    private static float maxAbsDiff(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** Index of the largest value of heatmap channel {@code c} (32 x 57 cells). */
    private static int peak(float[] heatmaps, int c) {
        int best = c * 32 * 57;
        for (int i = c * 32 * 57; i < (c + 1) * 32 * 57; i++) {
            if (heatmaps[i] > heatmaps[best]) {
                best = i;
            }
        }
        return best - c * 32 * 57;
    }

    @Test
    void onnxAndIrAgreeOnTheKeypointsOfThePlayer() throws Exception {
        float[][] onnx = run("human-pose-estimation-0001.onnx", ModelFormat.ONNX, Map.of());
        float[][] ir = run("human-pose-estimation-0001.xml", ModelFormat.OPENVINO_IR, Map.of());
        float heatDiff = maxAbsDiff(onnx[0], ir[0]);
        float pafDiff = maxAbsDiff(onnx[1], ir[1]);
        System.out.printf("OpenVINO %s CPU f32, messi5.jpg: ONNX vs IR(FP16-INT8) max|diff| heatmaps=%.5f pafs=%.5f%n",
                new OpenVinoProvider().probe().details().get("version"), heatDiff, pafDiff);
        int confident = 0;
        for (int c = 0; c < 18; c++) {
            int a = peak(onnx[0], c);
            if (onnx[0][c * 32 * 57 + a] < 0.3f) {
                continue;
            }
            confident++;
            int b = peak(ir[0], c);
            int dy = Math.abs(a / 57 - b / 57);
            int dx = Math.abs(a % 57 - b % 57);
            assertTrue(dx <= 1 && dy <= 1, "keypoint " + c + " peaks at cell " + a + " (ONNX) but " + b + " (IR)");
        }
        assertTrue(confident >= 8, "only " + confident + " confident keypoints in messi5.jpg");
        assertTrue(heatDiff < 0.25f && pafDiff < 0.5f, "IR drifts from ONNX: heatmaps " + heatDiff + ", pafs " + pafDiff);
    }

    @Test
    void cpuDefaultPrecisionStaysCloseToF32() throws Exception {
        float[][] f32 = run("human-pose-estimation-0001.onnx", ModelFormat.ONNX, Map.of());
        float[][] native_ = run("human-pose-estimation-0001.onnx", ModelFormat.ONNX, Map.of("inferencePrecision", "default"));
        float heatDiff = maxAbsDiff(f32[0], native_[0]);
        float pafDiff = maxAbsDiff(f32[1], native_[1]);
        System.out.printf("OpenVINO CPU ONNX: f32 vs device default precision max|diff| heatmaps=%.5f pafs=%.5f%n",
                heatDiff, pafDiff);
        assertTrue(heatDiff < 0.25f && pafDiff < 0.5f, "default precision drifts: heatmaps " + heatDiff + ", pafs " + pafDiff);
    }
}
