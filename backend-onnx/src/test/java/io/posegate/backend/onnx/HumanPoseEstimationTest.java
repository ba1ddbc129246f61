package io.posegate.backend.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Tensor;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real Open Model Zoo {@code human-pose-estimation-0001} (ONNX) from {@code $POSEGATE_SHARED}.
 * Skips, naming that variable, when it is unset. Prints the mean time per frame (informational only).
 */
class HumanPoseEstimationTest {
    static final String HEATMAPS = "Mconv7_stage2_L2";
    static final String PAFS = "Mconv7_stage2_L1";

    @Test
    void blackImageGivesFiniteMapsAndAHighBackgroundChannel() {
        ModelSpec spec = spec();
        try (BackendSession s = new OnnxBackendProvider().open(spec, BackendOptions.empty())) {
            assertArrayEquals(new long[] {1, 19, 32, 57}, shapeOf(s, HEATMAPS));
            assertArrayEquals(new long[] {1, 38, 32, 57}, shapeOf(s, PAFS));
            Tensor black = Tensor.allocate("data", ElementType.FLOAT32, spec.inputShape());
            int frames = 10;
            long start = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                s.run(black).close();
            }
            System.out.printf("human-pose-estimation-0001 256x456 on %s: %.1f ms/frame (mean of %d)%n",
                    s.device(), (System.nanoTime() - start) / 1e6 / frames, frames);
            try (InferenceResult r = s.run(black)) {
                assertArrayEquals(new long[] {1, 19, 32, 57}, r.output(HEATMAPS).shape());
                assertArrayEquals(new long[] {1, 38, 32, 57}, r.output(PAFS).shape());
                assertAllFinite(r.output(HEATMAPS));
                assertAllFinite(r.output(PAFS));
                FloatBuffer heat = r.output(HEATMAPS).floats();
                int plane = 32 * 57;
                int high = 0;
                for (int i = 0; i < plane; i++) {
                    high += heat.get(18 * plane + i) > 0.5f ? 1 : 0;
                }
                assertTrue(high > plane * 0.9, "background channel above 0.5 at only " + high + " of " + plane + " cells");
            }
        }
    }

    @Test
    void intraOpThreadsThatSleepInsteadOfSpinningComputeTheSameMaps() {
        ModelSpec spec = spec();
        Tensor grey = Tensor.allocate("data", ElementType.FLOAT32, spec.inputShape());
        for (int i = 0; i < grey.elementCount(); i++) {
            grey.floats().put(i, (i % 977) / 977f - 0.5f);
        }
        float[][] maps = new float[2][];
        String[] spinning = {"true", "false"};
        for (int v = 0; v < 2; v++) {
            BackendOptions o = BackendOptions.of(java.util.Map.of("allowSpinning", spinning[v], "intraOpThreads", "2"));
            try (BackendSession s = new OnnxBackendProvider().open(spec, o); InferenceResult r = s.run(grey)) {
                FloatBuffer heat = r.output(HEATMAPS).floats();
                maps[v] = new float[heat.remaining()];
                heat.duplicate().get(maps[v]);
            }
        }
        assertTrue(maps[0].length == 19 * 32 * 57, "heatmap size " + maps[0].length);
        assertArrayEquals(maps[0], maps[1], 1e-5f, "allowSpinning=false changes only how idle threads wait");
        for (String v : spinning) {
            OrtSessions.Opened opened = OrtSessions.open(spec.file(), OnnxOptions.parse(BackendOptions.of(java.util.Map.of("allowSpinning", v))));
            try {
                assertEquals(v.equals("false") ? "0" : null, opened.options().getConfigEntries().get("session.intra_op.allow_spinning"),
                        "allowSpinning=" + v + " as given to ONNX Runtime");
            } finally {
                closeQuietly(opened);
            }
        }
    }

    private static void closeQuietly(OrtSessions.Opened opened) {
        try {
            opened.session().close();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            opened.options().close();
        }
    }

    static ModelSpec spec() {
        String shared = System.getenv("POSEGATE_SHARED");
        assumeTrue(shared != null && !shared.isBlank(), "POSEGATE_SHARED is not set (folder holding models/ and media/)");
        Path file = Path.of(shared, "models/human-pose-estimation-0001/human-pose-estimation-0001.onnx");
        assumeTrue(Files.isRegularFile(file), "POSEGATE_SHARED has no " + file);
        return new ModelSpec(ModelFormat.ONNX, file, "data", new long[] {1, 3, 256, 456}, List.of(HEATMAPS, PAFS));
    }

    private static long[] shapeOf(BackendSession s, String name) {
        return s.outputs().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().shape();
    }

    private static void assertAllFinite(Tensor t) {
        FloatBuffer fb = t.floats();
        for (int i = 0; i < fb.remaining(); i++) {
            assertTrue(Float.isFinite(fb.get(i)), t.name() + "[" + i + "] = " + fb.get(i));
        }
    }
}
