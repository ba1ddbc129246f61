package io.posegate.grouping.single;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.DecoderInputs;
import io.posegate.grouping.decode.DecoderParams;
import io.posegate.grouping.decode.Decoders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinglePersonDecoderTest {
    private static final Topology MPII = Topologies.mpii16();
    private static final int H = 48;
    private static final int W = 40;

    @Test
    void gaussiansComeBackAtTheirCentresWithDark() {
        float[] maps = new float[16 * H * W];
        for (int k = 0; k < 16; k++) {
            gaussian(maps, k, 5.3f + 2 * k, 7.6f + k, 1.5f, 0.9f);
        }
        Poses out = decode(maps, Map.of("refine", "dark"));
        assertEquals(1, out.count());
        for (int k = 0; k < 16; k++) {
            assertEquals(5.3f + 2 * k + 0.5f, out.x(0, k), 0.05, "x of " + k);
            assertEquals(7.6f + k + 0.5f, out.y(0, k), 0.05, "y of " + k);
        }
    }

    @Test
    void quarterRefinementMovesTowardTheHigherNeighbour() {
        float[] maps = new float[16 * H * W];
        for (int k = 0; k < 16; k++) {
            gaussian(maps, k, 10.3f, 20.7f, 1.5f, 0.9f);
        }
        Poses quarter = decode(maps, Map.of());
        Poses none = decode(maps, Map.of("refine", "none"));
        assertEquals(10.5f + 0.25f, quarter.x(0, 3));
        assertEquals(21.5f - 0.25f, quarter.y(0, 3));
        assertEquals(10.5f, none.x(0, 3));
        assertEquals(21.5f, none.y(0, 3));
    }

    @Test
    void emptyMapsGiveNoPersonAndOneKeypointGivesAPersonOfOne() {
        float[] maps = new float[16 * H * W];
        assertEquals(0, decode(maps, Map.of()).count());
        gaussian(maps, 9, 30, 4, 1.5f, 0.8f);
        Poses out = decode(maps, Map.of());
        assertEquals(1, out.count());
        assertEquals(1, out.presentCount(0));
        assertTrue(out.present(0, 9));
        assertEquals(0.8f, out.personScore(0), 1e-3);
    }

    @Test
    void peaksAtTheBorderStayOnTheMap() {
        float[] maps = new float[16 * H * W];
        gaussian(maps, 0, 0, 0, 1.5f, 0.9f);
        gaussian(maps, 1, W - 1, H - 1, 1.5f, 0.9f);
        for (String refine : List.of("quarter", "dark")) {
            Poses out = decode(maps, Map.of("refine", refine, "blurKernel", 5));
            assertEquals(0.5f, out.x(0, 0));
            assertEquals(0.5f, out.y(0, 0));
            assertEquals(W - 0.5f, out.x(0, 1));
            assertEquals(H - 0.5f, out.y(0, 1));
        }
    }

    @Test
    void ofSeveralCandidatesTheHighestWinsAndThresholdsArePerKeypoint() {
        float[] maps = new float[16 * H * W];
        gaussian(maps, 2, 5, 5, 1.5f, 0.4f);
        gaussian(maps, 2, 30, 40, 1.5f, 0.7f);
        gaussian(maps, 2, 15, 20, 1.5f, 0.5f);
        gaussian(maps, 3, 15, 20, 1.5f, 0.3f);
        float[] thresholds = new float[16];
        thresholds[3] = 0.5f;
        Poses out = decode(maps, Map.of("threshold", toList(thresholds)));
        assertEquals(30.5f, out.x(0, 2), 0.3);
        assertEquals(40.5f, out.y(0, 2), 0.3);
        assertFalse(out.present(0, 3), "0.3 is under keypoint 3's threshold 0.5");
        assertTrue(decode(maps, Map.of("threshold", 0.2)).present(0, 3));
    }

    @Test
    void blurSmoothsASpikeAwayInFavourOfABroadPeak() {
        float[] maps = new float[16 * H * W];
        maps[(4 * H + 3) * W + 3] = 1f;
        gaussian(maps, 4, 30, 30, 2.5f, 0.8f);
        assertEquals(3.5f, decode(maps, Map.of("refine", "none")).x(0, 4));
        assertEquals(30.5f, decode(maps, Map.of("refine", "none", "blurKernel", 5)).x(0, 4));
    }

    /**
     * With sigma 0, sizes 3, 5 and 7 blur with OpenCV's fixed kernels (getGaussianKernel's documented table), so a
     * unit spike's blurred peak, the keypoint score, is the square of the kernel's centre tap; a sigma given, or a
     * larger size, is the sampled Gaussian.
     */
    @Test
    void blurWithSigmaZeroUsesOpenCvsFixedSmallKernels() {
        float[] maps = new float[16 * H * W];
        maps[20 * W + 20] = 1f;
        Map<String, Float> centreTap = Map.of("3", 0.5f, "5", 0.375f, "7", 0.28125f);
        centreTap.forEach((size, tap) -> assertEquals(tap * tap,
                decode(maps, Map.of("blurKernel", Integer.parseInt(size), "threshold", 0, "refine", "none")).score(0, 0),
                1e-7, "kernel size " + size));
        double s = 1.1;
        double centre = 1 / (1 + 2 * Math.exp(-1 / (2 * s * s)) + 2 * Math.exp(-4 / (2 * s * s)));
        assertEquals(centre * centre, decode(maps, Map.of("blurKernel", 5, "blurSigma", 1.1, "threshold", 0)).score(0, 0), 1e-6);
        double s9 = 0.3 * (4 - 1) + 0.8;
        double sum9 = 1;
        for (int d = 1; d <= 4; d++) {
            sum9 += 2 * Math.exp(-d * d / (2 * s9 * s9));
        }
        assertEquals(1 / (sum9 * sum9), decode(maps, Map.of("blurKernel", 9, "threshold", 0)).score(0, 0), 1e-6);
    }

    @Test
    void badSettingsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Decoders.create("single-person", MPII, DecoderParams.of(Map.of("blurKernel", 4))));
        assertTrue(e.getMessage().contains("blurKernel"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Decoders.create("single-person", MPII, DecoderParams.of(Map.of("threshold", List.of(0.1, 0.2)))));
        assertTrue(e.getMessage().contains("16"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Decoders.create("single-person", MPII,
                DecoderParams.defaults()).decode(DecoderInputs.of(Map.of("heatmaps", FeatureMap.of(new float[14 * 4], 14, 2, 2))),
                        new Poses(16, 1)));
        assertTrue(e.getMessage().contains("14") && e.getMessage().contains("16"), e.getMessage());
    }

    private static Poses decode(float[] maps, Map<String, Object> params) {
        Poses out = new Poses(16, 1);
        Decoders.create("single-person", MPII, DecoderParams.of(params))
                .decode(DecoderInputs.of(Map.of("heatmaps", FeatureMap.of(maps, 16, H, W))), out);
        return out;
    }

    static void gaussian(float[] maps, int k, float cx, float cy, float sigma, float peak) {
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                float d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                int i = (k * H + y) * W + x;
                maps[i] = Math.max(maps[i], peak * (float) Math.exp(-d2 / (2 * sigma * sigma)));
            }
        }
    }

    private static List<Object> toList(float[] values) {
        Object[] boxed = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return List.of(boxed);
    }
}
