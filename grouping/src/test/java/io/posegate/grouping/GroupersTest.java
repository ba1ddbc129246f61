package io.posegate.grouping;

import io.posegate.grouping.paf.Groupers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GroupersTest {
    @Test
    void createsBothStrategiesAndNamesUnknownOnes() {
        assertEquals("trt_pose", Groupers.create("trt_pose", Topologies.trtPoseHuman(), GroupingParams.trtPoseDefaults()).strategy());
        assertEquals("openpose", Groupers.create("openpose", Topologies.coco18OpenPose(), GroupingParams.openPoseDefaults()).strategy());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Groupers.create("openpifpaf", Topologies.trtPoseHuman(), GroupingParams.trtPoseDefaults()));
        assertTrue(e.getMessage().contains("'openpifpaf'") && e.getMessage().contains("trt_pose, openpose"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Groupers.create(null, Topologies.trtPoseHuman(), GroupingParams.trtPoseDefaults()));
    }

    /** An even max-pool kernel has no meaning for openpose (OMZ's is 2p + 1): refused, not quietly shrunk. */
    @Test
    void openPoseRefusesAnEvenWindowWhichTrtPoseReadsAsTheNextOddOne() {
        for (int even : new int[] {2, 4}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Groupers.create("openpose",
                    Topologies.coco18OpenPose(), new GroupingParams(0.1f, 0.05f, even, 10, 100, 100)));
            assertTrue(e.getMessage().contains("openpose window") && e.getMessage().contains("must be odd, got " + even),
                    e.getMessage());
            IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> io.posegate.grouping.decode.Decoders
                    .create("paf", Topologies.coco18OpenPose(), io.posegate.grouping.decode.DecoderParams.of(java.util.Map.of("window", even))));
            assertTrue(d.getMessage().contains("must be odd"), d.getMessage());
        }
        assertEquals("trt_pose", Groupers.create("trt_pose", Topologies.trtPoseHuman(),
                new GroupingParams(0.1f, 0.1f, 4, 7, 100, 100)).strategy());
    }

    @Test
    void trtPoseHumanFollowsHumanPoseJson() {
        Topology t = Topologies.trtPoseHuman();
        assertEquals(18, t.keypointCount());
        assertEquals(21, t.limbs().size());
        assertEquals(42, t.pafChannels());
        assertEquals(-1, t.backgroundChannel());
        // skeleton [16, 14] -> left_ankle to left_knee, channels 0 (y) and 1 (x)
        assertEquals(new Limb(15, 13, 1, 0), t.limbs().get(0));
        assertEquals(new Limb(17, 12, 41, 40), t.limbs().get(20));
        assertEquals("neck", t.keypoints().get(17));
    }

    @Test
    void coco18OpenPoseFollowsTheModelCard() {
        Topology t = Topologies.coco18OpenPose();
        assertEquals(18, t.keypointCount());
        assertEquals(19, t.limbs().size());
        assertEquals(38, t.pafChannels());
        assertEquals(18, t.backgroundChannel());
        assertEquals(new Limb(1, 2, 12, 13), t.limbs().get(0));
        assertEquals(new Limb(5, 17, 26, 27), t.limbs().get(18));
        assertEquals("left_ear", t.keypoints().get(17));
    }

    @Test
    void trtPoseTopologyRejectsKeypointNumbersOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Topologies.trtPose("x",
                java.util.List.of("a", "b"), java.util.List.of(new int[] {1, 3})));
        assertTrue(e.getMessage().contains("skeleton entry 0"), e.getMessage());
    }
}
