package io.posegate.gateway.demo;

import static io.posegate.gateway.demo.DemoFixture.INPUT_H;
import static io.posegate.gateway.demo.DemoFixture.INPUT_W;
import static io.posegate.gateway.demo.DemoFixture.STRIDE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Limb;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.synth.MarkerCode;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated network on real demo frames, pre-processed by the gateway's own pre-processor. */
class SimulatedBackendTest {
    private static final int MH = INPUT_H / STRIDE;
    private static final int MW = INPUT_W / STRIDE;
    private final DemoScene scene = new DemoScene(640, 360, 4);
    private final BackendSession session = new SimulatedBackendProvider().open(DemoFixture.spec(INPUT_H, INPUT_W), BackendOptions.empty());

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void outputsAreMapsAtStrideFour() {
        assertArrayEquals(new long[] {1, 19, 64, 114}, session.outputs().get(0).shape());
        assertArrayEquals(new long[] {1, 38, 64, 114}, session.outputs().get(1).shape());
    }

    @Test
    void everyVisibleJointIsRecoveredWithinOneMapPixelAndNothingElse() {
        for (long n = 0; n < 450; n += 9) {
            float[][][] truth = scene.people(n);
            try (InferenceResult r = session.run(DemoFixture.input(scene, n, INPUT_H, INPUT_W))) {
                FeatureMap heat = map(r.output("heatmaps"), 19);
                for (int k = 0; k < 18; k++) {
                    int expected = 0;
                    for (float[][] person : truth) {
                        float[] j = person[k];
                        if (j == null) {
                            continue;
                        }
                        expected++;
                        float gx = j[0] * INPUT_W / 640f / STRIDE;
                        float gy = j[1] * INPUT_H / 360f / STRIDE;
                        float[] found = peakNear(heat, k, gx, gy);
                        assertTrue(found != null && Math.hypot(found[0] - gx, found[1] - gy) <= 1.0,
                                "frame " + n + " " + Coco18.NAMES.get(k) + " at " + gx + "," + gy + ": found "
                                        + (found == null ? "nothing" : found[0] + "," + found[1]));
                    }
                    assertEquals(expected, localMaxima(heat, k), "frame " + n + ": peaks of " + Coco18.NAMES.get(k)
                            + " (hidden joints must have none)");
                }
            }
        }
    }

    @Test
    void afterTheStretchResizeOnlyPixelsInsideAMarkerDecode() {
        MarkerCode code = MarkerCode.DEMO;
        double sx = INPUT_W / 640.0;
        double sy = INPUT_H / 360.0;
        int plane = INPUT_H * INPUT_W;
        int decoded = 0;
        for (long n = 0; n < 600; n += 13) {
            float[][][] truth = scene.people(n);
            FloatBuffer in = DemoFixture.input(scene, n, INPUT_H, INPUT_W).floats();
            for (int y = 0; y < INPUT_H; y++) {
                for (int x = 0; x < INPUT_W; x++) {
                    int i = y * INPUT_W + x;
                    int c = code.decode(in.get(i), in.get(plane + i), in.get(2 * plane + i));
                    if (c < 0) {
                        continue;
                    }
                    decoded++;
                    float[] j = truth[c / 18][c % 18];
                    double dx = (x + 0.5) / sx - j[0];
                    double dy = (y + 0.5) / sy - j[1];
                    assertTrue(Math.hypot(dx, dy) <= scene.markerRadius() + 1, "frame " + n + ": input pixel (" + x + "," + y
                            + ") decodes as " + Coco18.NAMES.get(c % 18) + " of person " + c / 18 + " but lies outside its marker");
                }
            }
        }
        assertTrue(decoded > 10_000, "only " + decoded + " marker pixels seen");
    }

    @Test
    void limbFieldsPointAlongTheVisibleLimbs() {
        int checked = 0;
        int aligned = 0;
        for (long n = 0; n < 300; n += 25) {
            float[][][] truth = scene.people(n);
            try (InferenceResult r = session.run(DemoFixture.input(scene, n, INPUT_H, INPUT_W))) {
                FeatureMap paf = map(r.output("pafs"), 38);
                for (float[][] person : truth) {
                    for (Limb limb : Topologies.coco18OpenPose().limbs()) {
                        float[] a = person[limb.from()];
                        float[] b = person[limb.to()];
                        if (a == null || b == null) {
                            continue;
                        }
                        double ax = a[0] * INPUT_W / 640.0 / STRIDE;
                        double ay = a[1] * INPUT_H / 360.0 / STRIDE;
                        double bx = b[0] * INPUT_W / 640.0 / STRIDE;
                        double by = b[1] * INPUT_H / 360.0 / STRIDE;
                        double len = Math.hypot(bx - ax, by - ay);
                        int cx = (int) ((ax + bx) / 2);
                        int cy = (int) ((ay + by) / 2);
                        double dot = (paf.get(limb.pafX(), cy, cx) * (bx - ax) + paf.get(limb.pafY(), cy, cx) * (by - ay)) / len;
                        checked++;
                        aligned += dot > 0.9 ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(checked > 200, "only " + checked + " limbs checked");
        assertTrue(aligned >= checked * 0.95, aligned + " of " + checked + " limb midpoints carry the limb's direction");
    }

    @Test
    void aBgrModelFileReadsBgrInput(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path bgrFile = java.nio.file.Files.writeString(dir.resolve("bgr.sim.properties"),
                java.nio.file.Files.readString(DemoFixture.modelFile()).replace("input.colorOrder = RGB", "input.colorOrder = BGR"));
        io.posegate.spi.ModelSpec spec = new io.posegate.spi.ModelSpec(SimulatedBackendProvider.FORMAT, bgrFile, "image",
                new long[] {1, 3, INPUT_H, INPUT_W}, java.util.List.of("heatmaps", "pafs"));
        io.posegate.gateway.ingest.VideoFrame frame = new io.posegate.gateway.ingest.VideoFrame();
        scene.render(40, frame.reshape(640, 360));
        Tensor bgr = Tensor.allocate("image", io.posegate.spi.ElementType.FLOAT32, 1, 3, INPUT_H, INPUT_W);
        new io.posegate.gateway.model.Preprocessor(new io.posegate.gateway.model.InputSpec("image", INPUT_H, INPUT_W,
                io.posegate.gateway.model.InputSpec.ColorOrder.BGR, 1f, new float[3], new float[] {1, 1, 1},
                io.posegate.gateway.model.InputSpec.ResizePolicy.STRETCH, 0f)).preprocess(frame, bgr);
        try (BackendSession bgrSession = new SimulatedBackendProvider().open(spec, BackendOptions.empty());
             InferenceResult fromBgr = bgrSession.run(bgr);
             InferenceResult fromRgb = session.run(DemoFixture.input(scene, 40, INPUT_H, INPUT_W))) {
            FloatBuffer a = fromBgr.output("heatmaps").floats();
            FloatBuffer b = fromRgb.output("heatmaps").floats();
            assertEquals(b, a, "BGR input with a BGR model gives the RGB result");
            assertEquals(scene.people(40).length * 18 - nulls(scene.people(40)), peaks(map(fromBgr.output("heatmaps"), 19)));
        }
    }

    private static int nulls(float[][][] people) {
        int n = 0;
        for (float[][] p : people) {
            for (float[] j : p) {
                n += j == null ? 1 : 0;
            }
        }
        return n;
    }

    private static int peaks(FeatureMap heat) {
        int n = 0;
        for (int k = 0; k < 18; k++) {
            n += localMaxima(heat, k);
        }
        return n;
    }

    @Test
    void aPictureWithoutMarkersGivesEmptyMaps() {
        Tensor input = Tensor.allocate("image", io.posegate.spi.ElementType.FLOAT32, 1, 3, INPUT_H, INPUT_W);
        FloatBuffer f = input.floats();
        for (int i = 0; i < f.capacity(); i++) {
            f.put(i, (i * 7919 % 256));
        }
        try (InferenceResult r = session.run(input)) {
            FeatureMap heat = map(r.output("heatmaps"), 19);
            FeatureMap paf = map(r.output("pafs"), 38);
            for (int y = 0; y < MH; y++) {
                for (int x = 0; x < MW; x++) {
                    for (int c = 0; c < 18; c++) {
                        assertEquals(0f, heat.get(c, y, x));
                    }
                    assertEquals(1f, heat.get(18, y, x));
                    for (int c = 0; c < 38; c++) {
                        assertEquals(0f, paf.get(c, y, x));
                    }
                }
            }
        }
    }

    static FeatureMap map(Tensor t, int channels) {
        return new FeatureMap(t.floats(), channels, t.dim(2), t.dim(3));
    }

    /** The 3x3 weighted centre (cell centres at i + 0.5) of the local maximum nearest (gx, gy), within 1.5 cells. */
    private static float[] peakNear(FeatureMap m, int c, float gx, float gy) {
        int bx = -1;
        int by = -1;
        double nearest = Double.MAX_VALUE;
        for (int y = (int) (gy - 1.5f); y <= (int) (gy + 1.5f); y++) {
            for (int x = (int) (gx - 1.5f); x <= (int) (gx + 1.5f); x++) {
                double d = Math.hypot(x + 0.5 - gx, y + 0.5 - gy);
                if (y >= 0 && x >= 0 && y < m.height() && x < m.width() && isLocalMax(m, c, x, y) && d < nearest) {
                    nearest = d;
                    bx = x;
                    by = y;
                }
            }
        }
        if (bx < 0) {
            return null;
        }
        double sx = 0;
        double sy = 0;
        double sw = 0;
        for (int y = Math.max(0, by - 1); y <= Math.min(m.height() - 1, by + 1); y++) {
            for (int x = Math.max(0, bx - 1); x <= Math.min(m.width() - 1, bx + 1); x++) {
                double v = m.get(c, y, x);
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
                sw += v;
            }
        }
        return new float[] {(float) (sx / sw), (float) (sy / sw)};
    }

    private static int localMaxima(FeatureMap m, int c) {
        int n = 0;
        for (int y = 0; y < m.height(); y++) {
            for (int x = 0; x < m.width(); x++) {
                n += isLocalMax(m, c, x, y) ? 1 : 0;
            }
        }
        return n;
    }

    /** Above 0.5 and no 8-neighbour higher (ties go to the later cell in raster order). */
    private static boolean isLocalMax(FeatureMap m, int c, int x, int y) {
        float v = m.get(c, y, x);
        boolean max = v > 0.5f;
        for (int dy = -1; dy <= 1 && max; dy++) {
            for (int dx = -1; dx <= 1 && max; dx++) {
                int yy = y + dy;
                int xx = x + dx;
                if ((dx != 0 || dy != 0) && yy >= 0 && xx >= 0 && yy < m.height() && xx < m.width()) {
                    float o = m.get(c, yy, xx);
                    max = o < v || (o == v && (dy > 0 || (dy == 0 && dx > 0)));
                }
            }
        }
        return max;
    }
}
