package io.posegate.grouping.openpose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.paf.Groupers;
import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Maps;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import org.junit.jupiter.api.Test;

class OpenPoseGrouperTest {
    private static final Topology TOPOLOGY = Topologies.coco18OpenPose();

    @Test
    void recoversSeparatedPeopleToAQuarterCell() {
        float[][][] people = {figure(8.3f, 4.2f), figure(27.7f, 5.3f), figure(46.2f, 4.6f)};
        Maps maps = Maps.render(TOPOLOGY, people, 32, 57, 1f, 1f);
        Poses out = new Poses(18, 10);
        Groupers.create("openpose", TOPOLOGY, GroupingParams.openPoseDefaults()).group(maps.heatmaps, maps.pafs, out);
        assertEquals(3, out.count());
        for (int p = 0; p < 3; p++) {
            int truth = (int) (out.x(p, 1) / 19);
            assertEquals(18, out.presentCount(p), "keypoints of person " + p);
            for (int k = 0; k < 18; k++) {
                assertEquals(people[truth][k][0], out.x(p, k), 0.5f, "x of " + TOPOLOGY.keypoints().get(k));
                assertEquals(people[truth][k][1], out.y(p, k), 0.5f, "y of " + TOPOLOGY.keypoints().get(k));
            }
            // decoder score: (18 keypoint scores + 19 limb scores of about 1) x 17
            assertTrue(out.personScore(p) > 17 * 25, "score " + out.personScore(p));
        }
    }

    @Test
    void dropsPeopleWithFewerThanThreeKeypoints() {
        float[][] pair = new float[18][];
        pair[1] = new float[] {10.3f, 10.3f};
        pair[2] = new float[] {14.2f, 11.2f};
        Maps maps = Maps.render(TOPOLOGY, new float[][][] {pair}, 32, 57, 1f, 1f);
        Poses out = new Poses(18, 4);
        new OpenPoseGrouper(TOPOLOGY, GroupingParams.openPoseDefaults()).group(maps.heatmaps, maps.pafs, out);
        assertEquals(0, out.count());
        pair[5] = new float[] {6.4f, 9.1f};
        maps = Maps.render(TOPOLOGY, new float[][][] {pair}, 32, 57, 1f, 1f);
        new OpenPoseGrouper(TOPOLOGY, GroupingParams.openPoseDefaults()).group(maps.heatmaps, maps.pafs, out);
        assertEquals(1, out.count());
        assertEquals(3, out.presentCount(0));
    }

    @Test
    void emptyMapsGiveNobody() {
        Poses out = new Poses(18, 4);
        new OpenPoseGrouper(TOPOLOGY, GroupingParams.openPoseDefaults()).group(
                FeatureMap.of(new float[19 * 32 * 57], 19, 32, 57), FeatureMap.of(new float[38 * 32 * 57], 38, 32, 57), out);
        assertEquals(0, out.count());
    }

    /**
     * The decoder samples limbs at rounded cell-centre coordinates, half a cell right of and below the
     * true points when they lie in a cell's right or lower half, outside the narrow target fields.
     * Real fields are wider; the test keeps its points in the upper-left part of their cells.
     */
    private static float onLeftOfCell(float v) {
        return (float) Math.floor(v) + 0.3f;
    }

    /** A small upright figure (about 12 x 24 cells) in COCO-18 order with its neck at (x, y + 3). */
    static float[][] figure(float x, float y) {
        float[][] rel = {{0, 0}, {0, 3}, {-3, 3.4f}, {-4.1f, 7.2f}, {-4.9f, 11}, {3, 3.4f}, {4.1f, 7.2f}, {4.9f, 11},
            {-2, 12.2f}, {-2.2f, 17.4f}, {-2.4f, 22.3f}, {2, 12.2f}, {2.2f, 17.4f}, {2.4f, 22.3f}, {-0.8f, -0.7f},
            {0.8f, -0.7f}, {-1.7f, -0.2f}, {1.7f, -0.2f}};
        float[][] kp = new float[rel.length][];
        for (int k = 0; k < rel.length; k++) {
            kp[k] = new float[] {onLeftOfCell(x + rel[k][0]), onLeftOfCell(y + rel[k][1])};
        }
        return kp;
    }
}
