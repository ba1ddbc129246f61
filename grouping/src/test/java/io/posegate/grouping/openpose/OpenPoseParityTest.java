package io.posegate.grouping.openpose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Maps;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The production decoder against the step-by-step transcription of OpenPoseDecoder, bit for bit. */
class OpenPoseParityTest {
    private static final Topology TOPOLOGY = Topologies.coco18OpenPose();
    private int multiKeypointPeople;

    @ParameterizedTest(name = "noise {0}, quantum {1}")
    @ValueSource(strings = {"0,0", "0.05,0", "0.2,0", "0.1,0.125", "0.3,0.25"})
    void matchesReferenceOnRandomFrames(String mode) {
        float noise = Float.parseFloat(mode.split(",")[0]);
        float quantum = Float.parseFloat(mode.split(",")[1]);
        Random rnd = new Random(mode.hashCode());
        for (int frame = 0; frame < 40; frame++) {
            int h = new int[] {32, 46, 24, 37}[frame % 4];
            int w = new int[] {57, 82, 41, 30}[frame % 4];
            GroupingParams params = new GroupingParams(0.05f + rnd.nextFloat() * 0.25f, rnd.nextFloat() * 0.2f,
                    new int[] {3, 5}[rnd.nextInt(2)], 2 + rnd.nextInt(12), 1 + rnd.nextInt(40), 1 + rnd.nextInt(30));
            OpenPoseGrouper grouper = new OpenPoseGrouper(TOPOLOGY, params);
            Poses out = new Poses(TOPOLOGY.keypointCount(), 1 + rnd.nextInt(40));
            for (int pass = 0; pass < 2; pass++) {
                float[][][] people = Maps.randomPeople(rnd, TOPOLOGY, rnd.nextInt(21), h, w, 6 + rnd.nextFloat() * 20,
                        rnd.nextFloat() * 0.3f);
                Maps maps = Maps.render(TOPOLOGY, people, h, w, 0.8f + rnd.nextFloat(), 1f).perturb(rnd, noise, quantum);
                grouper.group(maps.heatmaps, maps.pafs, out);
                assertSame(ReferenceOpenPose.decode(maps.heatmaps, maps.pafs, TOPOLOGY, params), out, params);
            }
        }
        assertTrue(multiKeypointPeople > 0, "no frame produced a person; the test would prove little");
    }

    private void assertSame(List<ReferenceOpenPose.Person> ref, Poses out, GroupingParams params) {
        assertEquals(Math.min(ref.size(), Math.min(params.maxPeople(), out.capacity())), out.count(), "people");
        for (int p = 0; p < out.count(); p++) {
            ReferenceOpenPose.Person person = ref.get(p);
            assertEquals(Float.floatToIntBits(person.score()), Float.floatToIntBits(out.personScore(p)), "score of " + p);
            for (int k = 0; k < TOPOLOGY.keypointCount(); k++) {
                float[] kp = person.keypoints()[k];
                if (kp == null) {
                    assertTrue(!out.present(p, k), "person " + p + " keypoint " + k + " should be absent");
                    continue;
                }
                assertEquals(Float.floatToIntBits(kp[0]), Float.floatToIntBits(out.x(p, k)), "x " + p + "/" + k);
                assertEquals(Float.floatToIntBits(kp[1]), Float.floatToIntBits(out.y(p, k)), "y " + p + "/" + k);
                assertEquals(Float.floatToIntBits(kp[2]), Float.floatToIntBits(out.score(p, k)), "score " + p + "/" + k);
            }
            multiKeypointPeople++;
        }
    }
}
