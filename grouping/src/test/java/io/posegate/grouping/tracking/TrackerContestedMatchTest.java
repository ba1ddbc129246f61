package io.posegate.grouping.tracking;

import static io.posegate.grouping.tracking.TrackerOcclusionTest.idOfPersonAt;
import static io.posegate.grouping.tracking.TrackerOcclusionTest.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import org.junit.jupiter.api.Test;

/**
 * Contested matches ({@link ContestedMatches}): where one person fully hides another of the same size at the
 * same place, the one skeleton seen is not published under an id the tracker cannot tell is right, unless
 * the limb colours say whose it is; both people are published again, with their ids, once apart.
 */
class TrackerContestedMatchTest {
    private static final float[] SIGMAS = KeypointSigmas.forNames(Topologies.coco18OpenPose().keypoints());
    private static final long FRAME = 66_666_667L;
    private static final float[] RED = {0.6f, 0.2f};
    private static final float[] GREEN = {0.2f, 0.55f};
    /** A walks right from x 100, B left from x 400, 5 px per frame each: they meet at x 250 in frame 30. */
    private static final int MEET = 30;

    @Test
    void withoutColoursTheOneSkeletonLeftWhereOnePersonHidesAnotherIsNotPublishedAndBothKeepTheirIds() {
        int[] published = crossing(new Poses(18, 16), null, null);
        assertEquals(0, published[MEET], "people published in the frame where A hides B at the same place");
        assertEquals(2, published[MEET + 10], "both published once apart");
    }

    @Test
    void whenTheColoursSayWhoseSkeletonItIsItIsPublishedUnderThatId() {
        int[] published = crossing(new Poses(18, 16, 4), RED, GREEN);
        assertEquals(1, published[MEET], "A, in front of B, published: their colours are A's and not B's");
        assertEquals(2, published[MEET + 10]);
    }

    /** Runs the crossing; returns the people published per frame; checks each keeps their id throughout. */
    private static int[] crossing(Poses poses, float[] colourA, float[] colourB) {
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 8);
        int[] published = new int[MEET + 20];
        int idA = -2;
        int idB = -2;
        for (int f = 0; f < published.length; f++) {
            float xa = 100 + 5 * f;
            float xb = 400 - 5 * f;
            boolean hidden = Math.abs(xa - xb) < 30; // B behind A: the grouper sees A only
            poses.clear();
            person(poses, xa, colourA == null ? RED : colourA);
            if (!hidden) {
                person(poses, xb, colourB == null ? GREEN : colourB);
            }
            tracker.update(poses, f * FRAME, SIGMAS);
            published[f] = poses.count();
            if (f == 10) {
                idA = idOfPersonAt(poses, xa);
                idB = idOfPersonAt(poses, xb);
                assertNotEquals(-2, idA);
                assertNotEquals(-2, idB);
            }
            if (f > 10 && published[f] > 0) {
                int a = idOfPersonAt(poses, xa);
                assertEquals(idA, a == -2 && hidden ? idA : a, "A's id, frame " + f);
                if (!hidden) {
                    assertEquals(idB, idOfPersonAt(poses, xb), "B's id, frame " + f);
                }
            }
        }
        return published;
    }
}
