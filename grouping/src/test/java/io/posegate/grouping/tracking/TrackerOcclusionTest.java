package io.posegate.grouping.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import org.junit.jupiter.api.Test;

/**
 * People partly or wholly hidden by someone else, with limb colours: the cases of the module README's
 * "Errors with appearance on" (2026-12-01) that cost the most IDF1 on the demo panel.
 */
class TrackerOcclusionTest {
    private static final float[] SIGMAS = KeypointSigmas.forNames(Topologies.coco18OpenPose().keypoints());
    private static final long FRAME = 66_666_667L;
    private static final float[] RED = {0.6f, 0.2f};
    private static final float[] GREEN = {0.2f, 0.55f};

    @Test
    void aPersonPartlyHiddenBehindAnotherKeepsTheirIdThoughTheirLimbsShowTheOtherPersonsColours() {
        // A (red) walks right at 3 px per frame behind B (green, standing at x 300); while A is within 40 px of
        // B, A's keypoints are all found but the colours sampled on A's limbs are B's. A's detection then
        // "looks like" B, whose own detection is there too: A's track must keep A.
        Poses poses = new Poses(18, 16, 4);
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 8);
        int idA = -1;
        for (int f = 0; f < 90; f++) {
            float xa = 150 + 3 * f;
            poses.clear();
            boolean behind = Math.abs(xa - 300) < 40;
            person(poses, xa, behind ? GREEN : RED);
            person(poses, 300, GREEN);
            tracker.update(poses, f * FRAME, SIGMAS);
            if (f == 10) {
                idA = idOfPersonAt(poses, xa);
            }
            if (f > 10) {
                assertEquals(idA, idOfPersonAt(poses, xa), "frame " + f + ", A at x " + xa + (behind ? ", behind B" : ""));
            }
        }
    }

    @Test
    void aPersonWhoTurnedAroundWhileHiddenAndReappearsRightNextToAnotherIsReidentifiedByColour() {
        // A (red) walks right, is hidden for 20 frames in which they turn back, and reappears standing 25 px left
        // of B (green, standing): over B's predicted pose, with keypoints at other places than B's (a second
        // person), 150 px from where A's motion predicts A. Colour says which lost track it is.
        Poses poses = new Poses(18, 16, 4);
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 8);
        int before = -1;
        for (int f = 0; f < 50; f++) {
            float xa = f < 20 ? 40 + 6 * f : 115;
            poses.clear();
            if (f < 20 || f >= 40) {
                person(poses, xa, RED);
            }
            person(poses, 140, GREEN);
            tracker.update(poses, f * FRAME, SIGMAS);
            if (f == 19) {
                before = idOfPersonAt(poses, xa);
                assertNotEquals(-2, before);
            }
        }
        assertEquals(before, idOfPersonAt(poses, 115), "A keeps their id");
    }

    @Test
    void aSkeletonMixedFromAReturningPersonAndTheOneNextToThemGoesBackToTheReturningPersonsTrack() {
        // A (red) walks right at 6 px per frame past B (green, standing at x 300), is hidden for 8 frames in which
        // they step back, and stands 30 px left of B. For 6 frames the grouper outputs A mixed with B: A's head and
        // shoulders (4 keypoints at A's place) on B's lower body (14 keypoints on B's peaks). That skeleton is
        // matched to A's lost track, and B's track explains it far better, but its keypoints at other places than
        // B's detection make it a second person: it stays with A's track, and A keeps their id once seen whole.
        Poses poses = new Poses(18, 16, 4);
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 8);
        float xa = 100;
        int hideAt = -1;
        int before = -1;
        for (int f = 0; f < 70; f++) {
            if (hideAt < 0 && xa >= 298) {
                hideAt = f;
                before = idOfPersonAt(poses, xa - 6);
                assertNotEquals(-2, before);
            }
            boolean hidden = hideAt >= 0 && f - hideAt < 8;
            boolean back = hideAt >= 0 && f - hideAt >= 8;
            boolean mixed = back && f - hideAt < 14;
            float x = back ? 270 : xa;
            poses.clear();
            if (!hidden) {
                int p = poses.add(1f);
                for (int k = 0; k < 18; k++) {
                    poses.setKeypoint(p, k, (mixed && k >= 4 ? 300 : x) + ref(k)[0], 100 + ref(k)[1], 0.9f);
                }
                for (int i = 0; i < poses.appearanceParts(); i++) {
                    poses.setColour(p, i, RED[0], RED[1], 0.5f);
                }
            }
            person(poses, 300, GREEN);
            tracker.update(poses, f * FRAME, SIGMAS);
            if (!back) {
                xa += 6;
            }
        }
        assertEquals(before, idOfPersonAt(poses, 270), "A keeps their id");
    }

    @Test
    void aReturningPersonWhoseColoursShowOnlyAfterTheirNewTrackStartedIsReidentifiedWhenItIsConfirmed() {
        // A (red) walks right, is hidden for 20 frames in which they turn back, and reappears 150 px from where
        // their motion predicts them; in their first frame back no limb colour can be read (the limbs are still
        // covered), so a new track starts. When it is confirmed, its colours match A's lost track: it continues
        // A's id rather than taking a new one.
        Poses poses = new Poses(18, 16, 4);
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 8);
        int before = -1;
        for (int f = 0; f < 50; f++) {
            float xa = f < 20 ? 100 + 6 * f : 134;
            poses.clear();
            if (f < 20 || f >= 40) {
                person(poses, xa, RED);
            }
            if (f == 40) {
                for (int i = 0; i < poses.appearanceParts(); i++) {
                    poses.clearColour(0, i);
                }
            }
            person(poses, 600, GREEN);
            tracker.update(poses, f * FRAME, SIGMAS);
            if (f == 19) {
                before = idOfPersonAt(poses, xa);
                assertNotEquals(-2, before);
            }
            if (f >= 42) {
                assertEquals(before, idOfPersonAt(poses, xa), "frame " + f + ": A keeps their id once published again");
            }
        }
    }

    @Test
    void aReturningPersonWhoseColoursShowOnlyAfterTheirNewTrackWasConfirmedTakesBackTheirIdLater() {
        // As above, but A's limbs stay covered for their first 5 frames back: the new track is confirmed (frame
        // 42) before any colour can be read, so it gets a new id. From frame 45 its detections show A's colours,
        // clean (no one else near): within LATE_REID_SECONDS of its confirmation it takes A's id back.
        Poses poses = new Poses(18, 16, 4);
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 8);
        int before = -1;
        int fresh = -1;
        for (int f = 0; f < 60; f++) {
            float xa = f < 20 ? 100 + 6 * f : 134;
            poses.clear();
            if (f < 20 || f >= 40) {
                person(poses, xa, RED);
            }
            if (f >= 40 && f < 45) {
                for (int i = 0; i < poses.appearanceParts(); i++) {
                    poses.clearColour(0, i);
                }
            }
            person(poses, 600, GREEN);
            tracker.update(poses, f * FRAME, SIGMAS);
            if (f == 19) {
                before = idOfPersonAt(poses, xa);
                assertNotEquals(-2, before);
            }
            if (f == 43) {
                fresh = idOfPersonAt(poses, xa);
                assertNotEquals(-2, fresh);
                assertNotEquals(before, fresh, "colours unreadable at confirmation: a new id first");
            }
            if (f >= 45) {
                assertEquals(before, idOfPersonAt(poses, xa), "frame " + f + ": A's id once their colours show");
            }
        }
    }

    @Test
    void aPersonWhoseTrackStartedRightNextToAnotherLearnsTheirColoursAndDoesNotTakeTheOthersDetection() {
        // A (red) stands at x 300; B (green) appears 12 px beside them at frame 10 and stands there. B's detection
        // is explained by A's track too (OKS above ambiguousOks), but far less than by B's own: B's new track
        // learns B's colours. At frame 30 B steps behind A, and A moves onto B's spot: A's detection, where B's
        // track predicts B, is red like A's track and not green like B's, so A keeps their id.
        Poses poses = new Poses(18, 16, 4);
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 8);
        int idA = -1;
        for (int f = 0; f < 36; f++) {
            poses.clear();
            float xa = f < 30 ? 300 : 312;
            person(poses, xa, RED);
            if (f >= 10 && f < 30) {
                person(poses, 312, GREEN);
            }
            tracker.update(poses, f * FRAME, SIGMAS);
            if (f == 9) {
                idA = idOfPersonAt(poses, xa);
                assertNotEquals(-2, idA);
            }
            if (f == 29) {
                assertNotEquals(-2, idOfPersonAt(poses, 312), "B is published");
                assertNotEquals(idA, idOfPersonAt(poses, 312), "B is not A");
            }
            if (f >= 30) {
                assertEquals(idA, idOfPersonWithKeypointsAt(poses, xa), "frame " + f + ": A on B's spot keeps A's id");
            }
        }
    }

    static void person(Poses poses, float x, float[] colour) {
        int p = poses.add(1f);
        for (int k = 0; k < 18; k++) {
            poses.setKeypoint(p, k, x + ref(k)[0], 100 + ref(k)[1], 0.9f);
        }
        for (int i = 0; i < poses.appearanceParts(); i++) {
            poses.setColour(p, i, colour[0], colour[1], 0.5f);
        }
    }

    static int idOfPersonAt(Poses poses, float x) {
        for (int p = 0; p < poses.count(); p++) {
            if (Math.abs(poses.x(p, 0) - (x + ref(0)[0])) < 1f) {
                return poses.id(p);
            }
        }
        return -2;
    }

    /** The id of the person whose present keypoints lie where a person at x has them (keypoint owners may take some). */
    static int idOfPersonWithKeypointsAt(Poses poses, float x) {
        for (int p = 0; p < poses.count(); p++) {
            boolean all = true;
            int n = 0;
            for (int k = 0; k < 18; k++) {
                if (poses.present(p, k)) {
                    n++;
                    all &= Math.abs(poses.x(p, k) - (x + ref(k)[0])) < 1f;
                }
            }
            if (n > 0 && all) {
                return poses.id(p);
            }
        }
        return -2;
    }

    private static float[] ref(int k) {
        return new float[] {(k % 5) * 15f - 30f, k * 9f};
    }
}
