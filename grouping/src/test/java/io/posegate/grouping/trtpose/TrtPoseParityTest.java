package io.posegate.grouping.trtpose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Maps;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The production grouper against the step-by-step transcription of trt_pose, bit for bit. */
class TrtPoseParityTest {
    private static final Topology TOPOLOGY = Topologies.trtPoseHuman();
    private int connectedObjects;

    @ParameterizedTest(name = "noise {0}, quantum {1}")
    @ValueSource(strings = {"0,0", "0.05,0", "0.2,0", "0.1,0.125", "0.3,0.25"})
    void matchesReferenceOnRandomFrames(String mode) {
        float noise = Float.parseFloat(mode.split(",")[0]);
        float quantum = Float.parseFloat(mode.split(",")[1]);
        Random rnd = new Random(mode.hashCode());
        for (int frame = 0; frame < 40; frame++) {
            int h = new int[] {56, 80, 24, 37}[frame % 4];
            int w = new int[] {56, 80, 41, 30}[frame % 4];
            GroupingParams params = new GroupingParams(0.05f + rnd.nextFloat() * 0.25f, rnd.nextFloat() * 0.3f,
                    new int[] {3, 5, 7}[rnd.nextInt(3)], 2 + rnd.nextInt(9), 1 + rnd.nextInt(40), 1 + rnd.nextInt(30));
            float[][][] people = Maps.randomPeople(rnd, TOPOLOGY, rnd.nextInt(21), h, w, 6 + rnd.nextFloat() * 20,
                    rnd.nextFloat() * 0.3f);
            Maps maps = Maps.render(TOPOLOGY, people, h, w, 0.8f + rnd.nextFloat(), 1f).perturb(rnd, noise, quantum);
            TrtPoseGrouper grouper = new TrtPoseGrouper(TOPOLOGY, params);
            Poses out = new Poses(TOPOLOGY.keypointCount(), 1 + rnd.nextInt(40));
            grouper.group(maps.heatmaps, maps.pafs, out);
            // a second frame through the same workspace must not see the first frame's state
            Maps second = Maps.render(TOPOLOGY, Maps.randomPeople(rnd, TOPOLOGY, rnd.nextInt(10), h, w, 12, 0.1f), h, w,
                    1f, 1f).perturb(rnd, noise, quantum);
            grouper.group(second.heatmaps, second.pafs, out);
            assertSame(ReferenceTrtPose.parse(second.heatmaps, second.pafs, TOPOLOGY, params), grouper, out, h, w,
                    params);
        }
        assertTrue(connectedObjects > 0, "no frame produced a multi-keypoint object; the test would prove little");
    }

    private void assertSame(ReferenceTrtPose.Result ref, TrtPoseGrouper grouper, Poses out, int h, int w,
            GroupingParams params) {
        PeakTable peaks = grouper.peaks();
        int m = params.maxPeaks();
        assertArrayEquals(ref.counts(), peaks.counts, "peak counts");
        for (int c = 0; c < TOPOLOGY.keypointCount(); c++) {
            for (int i = 0; i < ref.counts()[c]; i++) {
                int at = c * m + i;
                assertEquals(ref.peaks()[at * 2], peaks.rows[at], "peak row");
                assertEquals(ref.peaks()[at * 2 + 1], peaks.cols[at], "peak col");
                assertEquals(Float.floatToIntBits(ref.refined()[at * 2]), Float.floatToIntBits(peaks.normY[at]),
                        "refined y of channel " + c + " peak " + i);
                assertEquals(Float.floatToIntBits(ref.refined()[at * 2 + 1]), Float.floatToIntBits(peaks.normX[at]),
                        "refined x of channel " + c + " peak " + i);
            }
        }
        assertArrayEquals(ref.connections(), grouper.connections(), "connections");
        assertEquals(ref.objectCount(), grouper.connector().objectCount, "object count");
        int c = TOPOLOGY.keypointCount();
        for (int o = 0; o < ref.objectCount(); o++) {
            for (int k = 0; k < c; k++) {
                assertEquals(ref.objects()[o * c + k], grouper.connector().objects[o * c + k], "object " + o + " part " + k);
            }
        }
        assertEquals(Math.min(ref.objectCount(), out.capacity()), out.count(), "people emitted");
        for (int p = 0; p < out.count(); p++) {
            int present = 0;
            for (int k = 0; k < c; k++) {
                int peak = ref.objects()[p * c + k];
                assertEquals(peak >= 0, out.present(p, k), "presence of person " + p + " keypoint " + k);
                if (peak >= 0) {
                    present++;
                    int at = (k * m + peak) * 2;
                    assertEquals(Float.floatToIntBits(ref.refined()[at]), Float.floatToIntBits(out.y(p, k) / h), "y");
                    assertEquals(Float.floatToIntBits(ref.refined()[at + 1]), Float.floatToIntBits(out.x(p, k) / w), "x");
                }
            }
            if (present > 1) {
                connectedObjects++;
            }
        }
    }
}
