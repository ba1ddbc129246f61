package io.posegate.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LimbPartsTest {
    @Test
    void partsAreTheTopologysLimbAndTorsoEdgesOnly() {
        Topology t = Topologies.coco18OpenPose();
        LimbParts parts = LimbParts.of(t);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parts.count(); i++) {
            String a = t.keypoints().get(parts.from(i));
            String b = t.keypoints().get(parts.to(i));
            names.add(a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a);
        }
        assertTrue(names.contains("right_elbow-right_shoulder") && names.contains("left_hip-left_knee")
                && names.contains("right_ankle-right_knee") && names.contains("left_elbow-left_wrist"), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.contains("eye") || n.contains("ear") || n.contains("nose")), names.toString());
        // a topology with no limb edges (face only) has no parts
        Topology face = new Topology("face", List.of("nose", "left_eye"), List.of(Limb.edge(0, 1)), -1);
        assertEquals(0, LimbParts.of(face).count());
    }

    @Test
    void coloursAreChromaticityAndBrightnessAndFollowTheirPerson() {
        Poses poses = new Poses(18, 4, 3);
        int a = poses.add(1f);
        int b = poses.add(1f);
        LimbParts.colour(poses, a, 1, 50f, 100f, 150f);
        // twice as bright: the same chromaticity, twice the brightness
        LimbParts.colour(poses, b, 1, 100f, 200f, 300f);
        assertEquals(150f / 300f, poses.colour(a, 1, 0), 1e-6f);
        assertEquals(100f / 300f, poses.colour(a, 1, 1), 1e-6f);
        assertEquals(poses.colour(a, 1, 0), poses.colour(b, 1, 0), 1e-6f);
        assertEquals(2 * poses.colour(a, 1, 2), poses.colour(b, 1, 2), 1e-6f);
        assertFalse(poses.hasColour(a, 0), "a part never sampled has no colour");
        poses.removeSwap(a);
        assertTrue(poses.hasColour(0, 1), "the moved person keeps their colours");
        assertEquals(200f / 600f, poses.colour(0, 1, 1), 1e-6f);
        int c = poses.add(1f);
        assertFalse(poses.hasColour(c, 1), "a new person starts without colours");
    }
}
