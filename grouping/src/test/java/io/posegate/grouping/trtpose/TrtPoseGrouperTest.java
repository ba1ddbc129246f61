package io.posegate.grouping.trtpose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Grouper;
import io.posegate.grouping.paf.Groupers;
import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Maps;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import org.junit.jupiter.api.Test;

class TrtPoseGrouperTest {
    private static final Topology TOPOLOGY = Topologies.trtPoseHuman();

    @Test
    void recoversSeparatedPeopleAtSubPixelPrecision() {
        float[][][] people = new float[3][][];
        for (int p = 0; p < 3; p++) {
            people[p] = skeleton(10.45f + 17.3f * p, 8.3f);
        }
        Maps maps = Maps.render(TOPOLOGY, people, 56, 56, 1f, 1f);
        Grouper grouper = Groupers.create("trt_pose", TOPOLOGY, GroupingParams.trtPoseDefaults());
        Poses out = new Poses(TOPOLOGY.keypointCount(), 10);
        grouper.group(maps.heatmaps, maps.pafs, out);
        assertEquals(3, out.count());
        for (int p = 0; p < 3; p++) {
            int truth = nearest(people, out.x(p, 0), out.y(p, 0));
            assertEquals(TOPOLOGY.keypointCount(), out.presentCount(p), "all keypoints of person " + p);
            for (int k = 0; k < TOPOLOGY.keypointCount(); k++) {
                assertEquals(people[truth][k][0], out.x(p, k), 0.2f, "x of keypoint " + k);
                assertEquals(people[truth][k][1], out.y(p, k), 0.2f, "y of keypoint " + k);
                assertTrue(out.score(p, k) > 0.5f);
            }
            assertTrue(out.personScore(p) > 0.5f);
        }
    }

    @Test
    void emptyMapsGiveNobodyAndMismatchedMapsAreNamed() {
        Grouper grouper = new TrtPoseGrouper(TOPOLOGY, GroupingParams.trtPoseDefaults());
        Poses out = new Poses(18, 4);
        out.add(1f);
        grouper.group(FeatureMap.of(new float[18 * 20 * 20], 18, 20, 20), FeatureMap.of(new float[42 * 400], 42, 20, 20), out);
        assertEquals(0, out.count());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> grouper.group(
                FeatureMap.of(new float[18 * 400], 18, 20, 20), FeatureMap.of(new float[40 * 400], 40, 20, 20), out));
        assertTrue(e.getMessage().contains("pafs have 40 channels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> grouper.group(
                FeatureMap.of(new float[18 * 400], 18, 20, 20), FeatureMap.of(new float[42 * 440], 42, 22, 20), out));
        assertTrue(e.getMessage().contains("pafs are 22x20 but heatmaps are 20x20"), e.getMessage());
    }

    @Test
    void keepsAtMostMaxPeoplePeople() {
        float[][][] people = {skeleton(10.45f, 8.3f), skeleton(27.75f, 8.3f), skeleton(45.05f, 8.3f)};
        Maps maps = Maps.render(TOPOLOGY, people, 56, 56, 1f, 1f);
        GroupingParams two = new GroupingParams(0.1f, 0.1f, 5, 7, 100, 2);
        Poses out = new Poses(18, 10);
        new TrtPoseGrouper(TOPOLOGY, two).group(maps.heatmaps, maps.pafs, out);
        assertEquals(2, out.count());
    }

    /** An upright figure about 14 cells wide and 38 tall with its nose at (x, y); pick x, y off cell edges
     * and centres so no Gaussian peak straddles two cells (a plateau is two peaks, in trt_pose too). */
    static float[][] skeleton(float x, float y) {
        float[][] rel = {{0, 0}, {-1.3f, -1.2f}, {1.3f, -1.2f}, {-2.6f, 0.4f}, {2.6f, 0.4f}, {-4.2f, 5}, {4.2f, 5},
            {-6, 11}, {6, 11}, {-6.8f, 17}, {6.8f, 17}, {-3, 19}, {3, 19}, {-3.2f, 28}, {3.2f, 28}, {-3.4f, 37},
            {3.4f, 37}, {0, 4.6f}};
        float[][] kp = new float[rel.length][];
        for (int k = 0; k < rel.length; k++) {
            kp[k] = new float[] {x + rel[k][0], y + rel[k][1]};
        }
        return kp;
    }

    private static int nearest(float[][][] people, float x, float y) {
        int best = 0;
        for (int p = 1; p < people.length; p++) {
            if (Math.abs(people[p][0][0] - x) < Math.abs(people[best][0][0] - x)) {
                best = p;
            }
        }
        return best;
    }
}
