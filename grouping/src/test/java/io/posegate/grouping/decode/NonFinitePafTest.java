package io.posegate.grouping.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Grouper;
import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Maps;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import io.posegate.grouping.paf.Groupers;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Both PAF strategies refuse a frame whose keypoint heatmaps hold NaN or an infinity (anywhere: their peak
 * scans read every cell), or whose PAFs do where a limb is sampled, naming the map, channel and cell; the
 * grouper then groups the next, finite frame as before.
 */
class NonFinitePafTest {
    private static final int H = 40;
    private static final int W = 40;

    @Test
    void trtPoseRefusesANaNHeatmapCellAndGroupsTheNextFrame() {
        Topology t = Topologies.trtPoseHuman();
        Grouper g = Groupers.create("trt_pose", t, GroupingParams.trtPoseDefaults());
        Maps maps = onePerson(t);
        Poses out = new Poses(t.keypointCount(), 100);
        g.group(maps.heatmaps, maps.pafs, out);
        int people = out.count();
        assertTrue(people >= 1, "the clean frame has people");

        float kept = set(maps.heatmaps, 0, 5, 29, Float.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.group(maps.heatmaps, maps.pafs, out));
        assertTrue(e.getMessage().contains("heatmaps channel 0 (nose) holds NaN at y=5, x=29"), e.getMessage());
        set(maps.heatmaps, 0, 5, 29, kept);
        g.group(maps.heatmaps, maps.pafs, out);
        assertEquals(people, out.count(), "the grouper is usable after a refused frame");
    }

    @Test
    void trtPoseRefusesACandidateCellHoldingInfinityAndNeverTakesMinusInfinity() {
        Topology t = Topologies.trtPoseHuman();
        Maps maps = onePerson(t);
        Grouper g = Groupers.create("trt_pose", t, GroupingParams.trtPoseDefaults());
        Poses clean = new Poses(t.keypointCount(), 100);
        g.group(maps.heatmaps, maps.pafs, clean);
        set(maps.heatmaps, 3, H - 1, W - 1, Float.NEGATIVE_INFINITY);
        Poses minusInf = new Poses(t.keypointCount(), 100);
        g.group(maps.heatmaps, maps.pafs, minusInf);
        assertEquals(clean.count(), minusInf.count(), "-inf is below any threshold: never a peak");
        set(maps.heatmaps, 3, H - 1, W - 1, Float.POSITIVE_INFINITY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.group(maps.heatmaps, maps.pafs, new Poses(t.keypointCount(), 100)));
        assertTrue(e.getMessage().contains("heatmaps channel 3 (left_ear) holds Infinity at y=39, x=39"), e.getMessage());
    }

    @Test
    void bothStrategiesRefuseANonFiniteSampledPafCell() {
        for (String strategy : Groupers.STRATEGIES) {
            boolean trt = strategy.equals("trt_pose");
            Topology t = trt ? Topologies.trtPoseHuman() : Topologies.coco18OpenPose();
            Maps maps = onePerson(t);
            int channel = t.limbs().get(0).pafX();
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    set(maps.pafs, channel, y, x, Float.NEGATIVE_INFINITY);
                }
            }
            Grouper g = Groupers.create(strategy, t, trt ? GroupingParams.trtPoseDefaults() : GroupingParams.openPoseDefaults());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> g.group(maps.heatmaps, maps.pafs, new Poses(t.keypointCount(), 100)), strategy);
            assertTrue(e.getMessage().startsWith("pafs channel " + channel + " holds -Infinity at y="), e.getMessage());
        }
    }

    @Test
    void openPoseRefusesANaNHeatmapCellItWouldHaveSkipped() {
        Topology t = Topologies.coco18OpenPose();
        Maps maps = onePerson(t);
        set(maps.heatmaps, 3, 0, 0, Float.NaN);
        Grouper g = Groupers.create("openpose", t, GroupingParams.openPoseDefaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.group(maps.heatmaps, maps.pafs, new Poses(t.keypointCount(), 100)));
        assertTrue(e.getMessage().contains("heatmaps channel 3 (right_elbow) holds NaN at y=0, x=0"), e.getMessage());
    }

    /** One person with every keypoint, rendered as a perfect network would. */
    private static Maps onePerson(Topology t) {
        return Maps.render(t, Maps.randomPeople(new Random(7), t, 1, H, W, 24, 0f), H, W, 1f, 1.5f);
    }

    /** Sets (c, y, x) of a planar map; returns the value it held. */
    static float set(FeatureMap m, int c, int y, int x, float v) {
        float old = m.get(c, y, x);
        m.data().put(m.index(c, y, x), v);
        return old;
    }
}
