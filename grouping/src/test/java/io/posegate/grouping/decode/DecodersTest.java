package io.posegate.grouping.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.paf.Groupers;
import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Maps;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecodersTest {
    @Test
    void registryNamesTheBuiltInDecodersAndTheirRoles() {
        assertTrue(Decoders.names().contains("paf"), Decoders.names().toString());
        assertEquals(java.util.List.of("heatmaps", "pafs"), Decoders.roles("paf"));
        assertEquals(java.util.List.of(), Decoders.optionalRoles("paf"));
        assertEquals(java.util.List.of("nms_heatmaps"), Decoders.optionalRoles("associative-embedding"));
        assertEquals(java.util.List.of("nms_heatmaps"), Decoders.create("associative-embedding", Topologies.coco17(),
                DecoderParams.defaults()).optionalRoles());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Decoders.factory("nope"));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("paf"), e.getMessage());
    }

    @Test
    void unknownAndBadParametersAreNamed() {
        Topology t = Topologies.coco18OpenPose();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Decoders.create("paf", t, DecoderParams.of(Map.of("peakTreshold", 0.2))));
        assertTrue(e.getMessage().contains("peakTreshold") && e.getMessage().contains("peakThreshold"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Decoders.create("paf", t, DecoderParams.of(Map.of("window", 2.5))));
        assertTrue(e.getMessage().contains("window"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Decoders.create("paf", Topologies.coco17(), DecoderParams.defaults()));
        assertTrue(e.getMessage().contains("PAF channels"), e.getMessage());
    }

    @Test
    void pafDecoderGivesTheGroupersResultsOnPlanarAndInterleavedMaps() {
        for (String strategy : Groupers.STRATEGIES) {
            boolean trt = strategy.equals("trt_pose");
            Topology t = trt ? Topologies.trtPoseHuman() : Topologies.coco18OpenPose();
            Random rnd = new Random(3);
            Maps m = Maps.render(t, Maps.randomPeople(rnd, t, 5, 40, 48, 14, 0.1f), 40, 48, 1f, 1.5f).perturb(rnd, 0.02f, 0);
            Poses expected = new Poses(t.keypointCount(), 100);
            Groupers.create(strategy, t, trt ? GroupingParams.trtPoseDefaults() : GroupingParams.openPoseDefaults())
                    .group(m.heatmaps, m.pafs, expected);
            PoseDecoder d = Decoders.create("paf", t, DecoderParams.of(Map.of("strategy", strategy)));
            Poses planar = new Poses(t.keypointCount(), 100);
            d.decode(DecoderInputs.of(Map.of("heatmaps", m.heatmaps, "pafs", m.pafs)), planar);
            Poses interleaved = new Poses(t.keypointCount(), 100);
            d.decode(DecoderInputs.of(Map.of("heatmaps", hwc(m.heatmaps), "pafs", hwc(m.pafs))), interleaved);
            assertTrue(expected.count() >= 4, strategy + " found " + expected.count());
            assertSame(expected, planar);
            assertSame(expected, interleaved);
        }
    }

    @Test
    void missingRoleIsNamed() {
        PoseDecoder d = Decoders.create("paf", Topologies.coco18OpenPose(), DecoderParams.defaults());
        FeatureMap hm = FeatureMap.of(new float[19 * 4 * 4], 19, 4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.decode(DecoderInputs.of(Map.of("heatmaps", hm)), new Poses(18, 10)));
        assertTrue(e.getMessage().contains("'pafs'") && e.getMessage().contains("heatmaps"), e.getMessage());
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
        FeatureMap out = new FeatureMap(FloatBuffer.wrap(v), c, h, w, FeatureMap.Layout.HWC);
        assertEquals(m.get(c - 1, h - 1, 1), out.get(c - 1, h - 1, 1));
        return out;
    }

    static void assertSame(Poses a, Poses b) {
        assertEquals(a.count(), b.count());
        for (int p = 0; p < a.count(); p++) {
            assertEquals(a.personScore(p), b.personScore(p));
            for (int k = 0; k < a.keypointCount(); k++) {
                assertEquals(a.score(p, k), b.score(p, k));
                assertEquals(a.x(p, k), b.x(p, k));
                assertEquals(a.y(p, k), b.y(p, k));
            }
        }
    }
}
