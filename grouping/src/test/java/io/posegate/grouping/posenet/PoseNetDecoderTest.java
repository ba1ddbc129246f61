package io.posegate.grouping.posenet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.decode.DecoderInputs;
import io.posegate.grouping.decode.DecoderParams;
import io.posegate.grouping.decode.Decoders;
import io.posegate.grouping.decode.PoseDecoder;
import java.nio.FloatBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoseNetDecoderTest {
    private static final int H = 23;
    private static final int W = 31;
    private static final float HIGH = (float) (1 / (1 + Math.exp(-PoseNetMaps.HIGH)));

    @Test
    void onePersonComesBackWhereItWasWithItsScores() {
        float[][] person = PoseNetMaps.person(12, 3, 10, H, W);
        Poses out = decode(PoseNetMaps.render(new float[][][] {person}, H, W, 16), Map.of(), 10);
        assertEquals(1, out.count());
        assertPerson(person, out, 0);
        assertEquals(HIGH, out.personScore(0), 1e-5);
        assertEquals(16.0, Decoders.create("posenet", Topologies.coco17(), DecoderParams.defaults()).pixelsPerCell(481, 31));
    }

    @Test
    void emptyMapsGiveNoPeople() {
        Poses out = decode(PoseNetMaps.render(new float[0][][], H, W, 16), Map.of(), 10);
        assertEquals(0, out.count());
    }

    @Test
    void aLoneKeypointIsAPoseOnlyBelowCoralsDefaultThreshold() {
        float[][] person = PoseNetMaps.person(12, 3, 10, H, W);
        float[][] onlyNose = new float[17][];
        onlyNose[0] = person[0];
        PoseNetMaps maps = PoseNetMaps.render(new float[][][] {onlyNose}, H, W, 16);
        assertEquals(0, decode(maps, Map.of(), 10).count(), "mean of 1 high and 16 low scores is under 0.2");
        Poses out = decode(maps, Map.of("scoreThreshold", 0.05), 10);
        assertEquals(1, out.count());
        assertEquals(person[0][0], out.x(0, 0), 1e-4);
        assertEquals(person[0][1], out.y(0, 0), 1e-4);
        assertEquals(HIGH, out.score(0, 0), 1e-5);
        assertTrue(out.score(0, 5) < 0.01f);
    }

    @Test
    void peopleAtTheBordersKeepTheirKeypointsOnTheMap() {
        float[][] left = PoseNetMaps.person(0, 0, 30, H, W);
        float[][] right = PoseNetMaps.person(W - 1, 2, 30, H, W);
        Poses out = decode(PoseNetMaps.render(new float[][][] {left, right}, H, W, 16), Map.of(), 10);
        assertEquals(2, out.count());
        for (int p = 0; p < 2; p++) {
            float[][] truth = out.x(p, 0) < W / 2f ? left : right;
            assertPerson(truth, out, p);
            for (int k = 0; k < 17; k++) {
                assertTrue(out.x(p, k) >= 0 && out.x(p, k) <= W - 1 && out.y(p, k) >= 0 && out.y(p, k) <= H - 1);
            }
        }
    }

    @Test
    void moreRootsThanAllowedKeepsTheBestMaxPoses() {
        float[][][] people = new float[12][][];
        for (int p = 0; p < 12; p++) {
            people[p] = PoseNetMaps.person(1 + (p % 6) * 5.5f, 1 + (p / 6) * 11, 3, H, W);
        }
        PoseNetMaps maps = PoseNetMaps.render(people, H, W, 16);
        assertEquals(12, decode(maps, Map.of("maxPoses", 20), 20).count());
        assertEquals(10, decode(maps, Map.of(), 20).count());
        assertEquals(3, decode(maps, Map.of(), 3).count(), "no more than the Poses' capacity");
    }

    @Test
    void rootsNearAnExistingPosesSameKeypointAreSuppressed() {
        float[][] a = PoseNetMaps.person(10, 3, 10, H, W);
        float[][] b = PoseNetMaps.person(10.4f, 3, 10, H, W);
        PoseNetMaps maps = PoseNetMaps.render(new float[][][] {a, b}, H, W, 16);
        assertEquals(1, decode(maps, Map.of(), 10).count(), "the same person found twice is one");
    }

    @Test
    void interleavedMapsDecodeLikePlanarOnes() {
        PoseNetMaps maps = PoseNetMaps.render(new float[][][] {PoseNetMaps.person(5, 2, 8, H, W),
            PoseNetMaps.person(20, 4, 12, H, W)}, H, W, 16);
        Poses planar = decode(maps, Map.of(), 10);
        PoseDecoder d = Decoders.create("posenet", Topologies.coco17(), DecoderParams.defaults());
        Poses hwc = new Poses(17, 10);
        d.decode(DecoderInputs.of(Map.of("heatmaps", hwc(maps.heatmaps), "offsets", hwc(maps.offsets),
                "displacements", hwc(maps.displacements))), hwc);
        assertEquals(2, planar.count());
        assertEquals(planar.count(), hwc.count());
        for (int p = 0; p < planar.count(); p++) {
            for (int k = 0; k < 17; k++) {
                assertEquals(planar.x(p, k), hwc.x(p, k));
                assertEquals(planar.y(p, k), hwc.y(p, k));
                assertEquals(planar.score(p, k), hwc.score(p, k));
            }
        }
    }

    @Test
    void probabilitiesAreReadAsGiven() {
        PoseNetMaps maps = PoseNetMaps.render(new float[][][] {PoseNetMaps.person(12, 3, 10, H, W)}, H, W, 16);
        FloatBuffer b = maps.heatmaps.data();
        float[] probs = new float[17 * H * W];
        for (int i = 0; i < probs.length; i++) {
            probs[i] = (float) (1 / (1 + Math.exp(-b.get(i))));
        }
        PoseDecoder d = Decoders.create("posenet", Topologies.coco17(), DecoderParams.of(Map.of("heatmapValues", "probabilities")));
        Poses out = new Poses(17, 10);
        d.decode(DecoderInputs.of(Map.of("heatmaps", FeatureMap.of(probs, 17, H, W), "offsets", maps.offsets,
                "displacements", maps.displacements)), out);
        assertEquals(1, out.count());
        assertEquals(HIGH, out.personScore(0), 1e-5);
    }

    @Test
    void mapsThatDoNotFitAreNamed() {
        PoseNetMaps maps = PoseNetMaps.render(new float[0][][], H, W, 16);
        PoseDecoder d = Decoders.create("posenet", Topologies.coco17(), DecoderParams.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.decode(DecoderInputs.of(
                Map.of("heatmaps", maps.heatmaps, "offsets", maps.displacements, "displacements", maps.displacements)),
                new Poses(17, 10)));
        assertTrue(e.getMessage().contains("offsets") && e.getMessage().contains("34"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Decoders.create("posenet", Topologies.coco18OpenPose(), DecoderParams.defaults()));
        assertTrue(e.getMessage().contains("17"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Decoders.create("posenet", Topologies.coco17(), DecoderParams.of(Map.of("heatmapValues", "logit"))));
        assertTrue(e.getMessage().contains("logits"), e.getMessage());
    }

    private static Poses decode(PoseNetMaps maps, Map<String, Object> params, int capacity) {
        PoseDecoder d = Decoders.create("posenet", Topologies.coco17(), DecoderParams.of(params));
        Poses out = new Poses(17, capacity);
        d.decode(DecoderInputs.of(Map.of("heatmaps", maps.heatmaps, "offsets", maps.offsets,
                "displacements", maps.displacements)), out);
        return out;
    }

    private static void assertPerson(float[][] truth, Poses out, int p) {
        for (int k = 0; k < 17; k++) {
            assertEquals(truth[k][0], out.x(p, k), 1e-3, "x of keypoint " + k);
            assertEquals(truth[k][1], out.y(p, k), 1e-3, "y of keypoint " + k);
            assertEquals(HIGH, out.score(p, k), 1e-5, "score of keypoint " + k);
        }
    }

    static FeatureMap hwc(FeatureMap m) {
        int c = m.channels();
        int h = m.height();
        int w = m.width();
        float[] v = new float[c * h * w];
        for (int k = 0; k < c; k++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    v[(y * w + x) * c + k] = m.get(k, y, x);
                }
            }
        }
        return new FeatureMap(FloatBuffer.wrap(v), c, h, w, FeatureMap.Layout.HWC);
    }
}
