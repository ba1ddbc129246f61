package io.posegate.grouping.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrackerTest {
    private static final float[] SIGMAS = KeypointSigmas.forNames(Topologies.coco18OpenPose().keypoints());
    private static final long FRAME = 66_666_667L;
    private final Poses poses = new Poses(18, 16);

    @Test
    void tentativeTracksArePublishedOnlyOnceConfirmedAndIdsStartThen() {
        Tracker tracker = new Tracker(TrackerParams.defaults().withConfirmHits(3), 18, 8);
        for (int f = 0; f < 2; f++) {
            people(new float[] {100}, 1f, 18);
            tracker.update(poses, f * FRAME, SIGMAS);
            assertEquals(0, poses.count(), "frame " + f + ": a tentative track is not published");
        }
        people(new float[] {100}, 1f, 18);
        tracker.update(poses, 2 * FRAME, SIGMAS);
        assertEquals(1, poses.count());
        assertEquals(0, poses.id(0), "the first confirmed track gets id 0");
    }

    @Test
    void peopleCrossingAtSpeedKeepTheirIdsThroughTheMotionModel() {
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 8);
        int fromLeft = -1;
        int fromRight = -1;
        for (int f = 0; f < 40; f++) {
            float a = 60 + f * 14;
            float b = 620 - f * 14;
            people(new float[] {a, b}, 1f, 18);
            tracker.update(poses, f * FRAME, SIGMAS);
            if (f >= 3) {
                assertEquals(2, poses.count(), "frame " + f);
                int left = poses.x(0, 1) < poses.x(1, 1) ? 0 : 1;
                int movingRight = a < b ? left : 1 - left;
                if (fromLeft < 0) {
                    fromLeft = poses.id(movingRight);
                    fromRight = poses.id(1 - movingRight);
                }
                assertEquals(fromLeft, poses.id(movingRight), "frame " + f);
                assertEquals(fromRight, poses.id(1 - movingRight), "frame " + f);
            }
        }
        assertNotEquals(fromLeft, fromRight);
    }

    @Test
    void twoFramesOfADraggedSkeletonBeforeAnOcclusionDoNotThrowThePersonOffTheirPath() {
        // a walker at 10 px per frame; for two frames the grouper's skeleton lags 10 px behind (mixed with someone
        // standing there), then the walker is hidden for 10 frames: the velocity must survive the two bad frames
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 8);
        int id = -1;
        for (int f = 0; f < 37; f++) {
            float x = 50 + 10 * f;
            boolean dragged = f == 20 || f == 21;
            boolean hidden = f >= 22 && f < 32;
            people(hidden ? new float[0] : new float[] {dragged ? x - 10 : x}, 1f, 18);
            tracker.update(poses, f * FRAME, SIGMAS);
            if (f == 10) {
                id = poses.id(0);
            }
            if (f >= 32) {
                assertEquals(1, poses.count(), "frame " + f);
                assertEquals(id, poses.id(0), "frame " + f + ": same id after the occlusion");
            }
        }
    }

    @Test
    void aPersonHiddenForAWhileIsRefoundWhereTheMotionModelPutsThem() {
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 8);
        GreedyOksTracker greedy = new GreedyOksTracker(0.3f, 30, false, 18, 8);
        int id = -1;
        int greedyId = -1;
        for (int f = 0; f < 40; f++) {
            boolean hidden = f >= 15 && f < 27;
            people(hidden ? new float[0] : new float[] {50 + f * 12}, 1f, 18);
            tracker.update(poses, f * FRAME, SIGMAS);
            if (f == 10) {
                id = poses.id(0);
            }
            if (f >= 27) {
                assertEquals(1, poses.count(), "frame " + f);
                assertEquals(id, poses.id(0), "frame " + f + ": same id after 12 hidden frames");
            }
            people(hidden ? new float[0] : new float[] {50 + f * 12}, 1f, 18);
            greedy.update(poses, f * FRAME, SIGMAS);
            greedyId = f == 10 ? poses.id(0) : greedyId;
            if (f == 27) {
                assertNotEquals(greedyId, poses.id(0), "the old tracker, without prediction, loses the person");
            }
        }
    }

    @Test
    void aPersonStandingBehindSomethingForThreeSecondsKeepsTheirIdUnderTheDefaults() {
        // a passer-by or a pillar hides a standing person for 3 s (45 frames at 15 fps); the default lost
        // time (4 s) keeps their track, so they come back with their id, not a new one
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 8);
        int id = -1;
        for (int f = 0; f < 60; f++) {
            boolean hidden = f >= 10 && f < 55;
            people(hidden ? new float[0] : new float[] {200}, 1f, 18);
            tracker.update(poses, f * FRAME, SIGMAS);
            if (f == 5) {
                id = poses.id(0);
            }
            if (f >= 55) {
                assertEquals(1, poses.count(), "frame " + f);
                assertEquals(id, poses.id(0), "frame " + f + ": same id after 3 hidden seconds");
            }
        }
    }

    @Test
    void lostTracksRetireAfterTheConfiguredSecondsWhateverTheFrameRate() {
        Tracker tracker = new Tracker(TrackerParams.defaults().withLost(1000, 1.0), 18, 8);
        long t = 0;
        for (int f = 0; f < 5; f++, t += FRAME) {
            people(new float[] {100}, 1f, 18);
            tracker.update(poses, t, SIGMAS);
        }
        int id = poses.id(0);
        long lastSeen = t - FRAME;
        Random rnd = new Random(1);
        while (t - lastSeen < 900_000_000L) {
            poses.clear();
            tracker.update(poses, t, SIGMAS);
            t += 10_000_000L + rnd.nextInt(150_000_000);
        }
        assertEquals(1, tracker.confirmedTracks(), "kept while unseen for less than 1 s");
        poses.clear();
        tracker.update(poses, lastSeen + 1_100_000_000L, SIGMAS);
        assertEquals(0, tracker.confirmedTracks(), "retired after 1 s unseen");
        for (int f = 0; f < 3; f++) {
            people(new float[] {100}, 1f, 18);
            tracker.update(poses, lastSeen + 1_200_000_000L + f * FRAME, SIGMAS);
        }
        assertTrue(poses.id(0) > id, "a new id after retirement");
    }

    @Test
    void aFragmentOverAConfirmedPersonIsMergedNeverASecondPerson() {
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 8);
        for (int f = 0; f < 5; f++) {
            people(new float[] {200}, 1f, 18);
            tracker.update(poses, f * FRAME, SIGMAS);
        }
        int id = poses.id(0);
        // the person without the ankles (10, 13), and the ankles as a separate two-keypoint fragment
        people(new float[] {205}, 1f, 18);
        poses.setKeypoint(0, 10, 0, 0, 0);
        poses.setKeypoint(0, 13, 0, 0, 0);
        int frag = poses.add(0.9f);
        poses.setKeypoint(frag, 10, 205 + ref(10)[0], 100 + ref(10)[1], 0.8f);
        poses.setKeypoint(frag, 13, 205 + ref(13)[0], 100 + ref(13)[1], 0.8f);
        // and a whole second copy of the person, slightly off: a duplicate from grouping
        int dup = poses.add(1f);
        for (int k = 0; k < 9; k++) {
            poses.setKeypoint(dup, k, 207 + ref(k)[0], 101 + ref(k)[1], 0.9f);
        }
        tracker.update(poses, 5 * FRAME, SIGMAS);
        assertEquals(1, poses.count(), "one person published");
        assertEquals(id, poses.id(0));
        assertEquals(18, poses.presentCount(0), "the ankles were merged in");
        assertEquals(205 + ref(13)[0], poses.x(0, 13), 1e-3);
    }

    @Test
    void aSkeletonMixedFromTwoPeopleKeepsOnlyItsOwnPersonsKeypointsAndDragsNoTrack() {
        // the grouper joins B's legs (keypoints 9..17) to A's upper body, and B's own detection is its upper body only
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 8);
        for (int f = 0; f < 5; f++) {
            people(new float[] {100, 260}, 1f, 18);
            tracker.update(poses, f * FRAME, SIGMAS);
        }
        int a = poses.id(poses.x(0, 1) < poses.x(1, 1) ? 0 : 1);
        int b = poses.id(poses.x(0, 1) < poses.x(1, 1) ? 1 : 0);
        for (int f = 5; f < 8; f++) {
            people(new float[] {100, 260}, 1f, 18);
            for (int k = 9; k < 18; k++) {
                poses.setKeypoint(0, k, 260 + ref(k)[0], 100 + ref(k)[1], 0.9f);
                poses.setKeypoint(1, k, 0, 0, 0);
            }
            tracker.update(poses, f * FRAME, SIGMAS);
            assertEquals(2, poses.count(), "frame " + f);
            int pa = poses.id(0) == a ? 0 : 1;
            assertEquals(a, poses.id(pa), "frame " + f);
            assertEquals(b, poses.id(1 - pa), "frame " + f);
            for (int k = 9; k < 18; k++) {
                assertTrue(!poses.present(pa, k), "frame " + f + ": B's keypoint " + k + " is not published as A's");
                assertEquals(260 + ref(k)[0], poses.x(1 - pa, k), 1e-3, "frame " + f + ": B's keypoint " + k + " given back to B");
            }
        }
        for (int f = 8; f < 12; f++) {
            people(new float[] {100, 260}, 1f, 18);
            tracker.update(poses, f * FRAME, SIGMAS);
            int pa = poses.x(0, 1) < poses.x(1, 1) ? 0 : 1;
            assertEquals(a, poses.id(pa), "frame " + f + ": A's track was not dragged towards B");
            assertEquals(b, poses.id(1 - pa), "frame " + f);
        }
    }

    @Test
    void aSecondCopyOfAPersonDoesNotCaptureTheTrackOfSomeoneHiddenNearby() {
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 8);
        int f = 0;
        for (; f < 16; f++) {
            people(new float[] {100, Math.max(120, 210 - 10 * f)}, 1f, 18);
            tracker.update(poses, f * FRAME, SIGMAS);
        }
        assertEquals(2, poses.count());
        int b = poses.id(poses.x(0, 1) < poses.x(1, 1) ? 1 : 0);
        // B (20 px to A's right) is hidden; the grouper outputs A twice (the copy with 9 keypoints, on A's own peaks)
        people(new float[] {100, 100}, 1f, 18);
        for (int k = 9; k < 18; k++) {
            poses.setKeypoint(1, k, 0, 0, 0);
        }
        tracker.update(poses, f++ * FRAME, SIGMAS);
        assertEquals(1, poses.count(), "the copy is not published as a second person");
        assertNotEquals(b, poses.id(0), "B's track did not take A's copy");
        people(new float[] {100, 120}, 1f, 18);
        tracker.update(poses, f * FRAME, SIGMAS);
        assertEquals(2, poses.count());
        assertEquals(b, poses.id(poses.x(0, 1) < poses.x(1, 1) ? 1 : 0), "B keeps its id when seen again");
    }

    @Test
    void aSecondWholePersonStandingInFrontOfAConfirmedOneIsTrackedNotMergedAway() {
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 8);
        for (int f = 0; f < 5; f++) {
            people(new float[] {100}, 1f, 18);
            tracker.update(poses, f * FRAME, SIGMAS);
        }
        int a = poses.id(0);
        for (int f = 5; f < 10; f++) {
            people(new float[] {100, 125}, 1f, 18);
            tracker.update(poses, f * FRAME, SIGMAS);
        }
        assertEquals(2, poses.count(), "both people are published");
        int pa = poses.x(0, 1) < poses.x(1, 1) ? 0 : 1;
        assertEquals(a, poses.id(pa));
        assertNotEquals(a, poses.id(1 - pa));
    }

    @Test
    void partialDetectionsContinueATrackButNeverStartOne() {
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 8);
        for (int f = 0; f < 6; f++) {
            people(new float[] {400}, 1f, 3);
            tracker.update(poses, f * FRAME, SIGMAS);
            assertEquals(0, poses.count(), "3-keypoint people are partial: never a new track");
        }
        assertEquals(0, tracker.liveTracks());
        for (int f = 6; f < 10; f++) {
            people(new float[] {100}, 1f, 18);
            tracker.update(poses, f * FRAME, SIGMAS);
        }
        int id = poses.id(0);
        for (int f = 10; f < 14; f++) {
            people(new float[] {100 + (f - 9) * 3}, 0.1f, 3);
            tracker.update(poses, f * FRAME, SIGMAS);
            assertEquals(0, poses.count(), "frame " + f + ": a partial detection is not published as a person");
            assertEquals(1, tracker.liveTracks());
        }
        // the partial detections continued the track (it followed them): the person, whole again 12 px on, keeps
        // their id at once
        people(new float[] {115}, 1f, 18);
        tracker.update(poses, 14 * FRAME, SIGMAS);
        assertEquals(1, poses.count());
        assertEquals(id, poses.id(0), "the low-score partial detections continued the confirmed track");
    }

    @Test
    void aPersonHiddenBehindAnotherOfTheSameSizeDoesNotTakeTheirDetectionWhenTheyDifferInColour() {
        Crossing on = crossing(TrackerParams.defaults().withAppearance(true));
        assertEquals(0, on.hiddenTookFront, "with appearance, the hidden person's track never takes the front person's detection");
        assertTrue(on.idsHeld, "with appearance, each person keeps their id after the crossing");
        // the same script without appearance: pose and motion alone give the front person's detection to the
        // hidden person's track (so the case above is one that appearance decides)
        Crossing off = crossing(TrackerParams.defaults().withAppearance(false));
        assertTrue(off.hiddenTookFront > 0, "without appearance the hidden person's track takes the front person's detection");
    }

    @Test
    void withoutLimbColoursTheAppearanceSettingChangesNothing() {
        // people without appearance parts (a topology with no limb edges): the tracker decides as before
        Tracker on = new Tracker(TrackerParams.defaults().withAppearance(true), 18, 8);
        Tracker off = new Tracker(TrackerParams.defaults().withAppearance(false), 18, 8);
        Random rnd = new Random(7);
        for (int f = 0; f < 60; f++) {
            float[] xs = {60 + 9 * f + rnd.nextFloat() * 4, 600 - 7 * f + rnd.nextFloat() * 4, 300 + rnd.nextFloat() * 4};
            people(xs, 1f, 18);
            on.update(poses, f * FRAME, SIGMAS);
            int[] ids = new int[poses.count()];
            float[] x0 = new float[poses.count()];
            for (int p = 0; p < poses.count(); p++) {
                ids[p] = poses.id(p);
                x0[p] = poses.x(p, 0);
            }
            people(xs, 1f, 18);
            off.update(poses, f * FRAME, SIGMAS);
            assertEquals(ids.length, poses.count(), "frame " + f);
            for (int p = 0; p < poses.count(); p++) {
                assertEquals(x0[p], poses.x(p, 0), "frame " + f);
                assertEquals(ids[p], poses.id(p), "frame " + f);
            }
        }
    }

    @Test
    void aPersonWhoTurnedAroundWhileHiddenIsReidentifiedByColour() {
        // A (red) walks right, is hidden for 20 frames in which they turn and walk back, and reappears 80 px left
        // of where they vanished, 200 px from where their motion predicts them: pose and motion cannot re-find
        // them (a new id without re-identification), their colours can
        AppearanceParams looks = TrackerParams.defaults().appearance();
        int[] withReid = hiddenTurn(TrackerParams.defaults());
        assertEquals(withReid[0], withReid[1], "A keeps their id");
        int[] without = hiddenTurn(TrackerParams.defaults().withAppearance(new AppearanceParams(true, looks.near(), looks.far(),
                looks.floor(), looks.alpha(), looks.ambiguousOks(), looks.minParts(), looks.margin(), 0f)));
        assertNotEquals(without[0], without[1], "without re-identification A comes back with a new id");
    }

    /** {A's id before hiding, A's id after}; a green person B stands still far away all along. */
    private static int[] hiddenTurn(TrackerParams params) {
        Poses looks = new Poses(18, 16, 4);
        Tracker tracker = new Tracker(params, 18, 8);
        int before = -1;
        int after = -1;
        for (int f = 0; f < 45; f++) {
            float xa = f < 20 ? 100 + 6 * f : 134;
            looks.clear();
            if (f < 20 || f >= 40) {
                person(looks, xa, 0.6f, 0.2f);
            }
            person(looks, 600, 0.2f, 0.55f);
            tracker.update(looks, f * FRAME, SIGMAS);
            if (f == 19) {
                before = idOfPersonAt(looks, xa);
            }
            if (f == 44) {
                after = idOfPersonAt(looks, xa);
            }
        }
        return new int[] {before, after};
    }

    private record Crossing(int hiddenTookFront, boolean idsHeld) {
    }

    /**
     * A walks right at 3 px per frame; B, the same size and in front, walks left at 8 px per frame, falls into A's
     * pace right in front of A for 6 frames (A fully hidden: only B is detected, where A's track expects A), then
     * walks on to the left. A is red, B green.
     */
    private static Crossing crossing(TrackerParams params) {
        Poses looks = new Poses(18, 16, 4);
        Tracker tracker = new Tracker(params, 18, 8);
        float xa = 100;
        float xb = 420;
        int idA = -1;
        int idB = -1;
        int took = 0;
        boolean held = true;
        int stopped = -1;
        for (int f = 0; f < 80; f++) {
            boolean hidden = Math.abs(xa - xb) < 12;
            looks.clear();
            if (!hidden) {
                person(looks, xa, 0.6f, 0.2f);
            }
            person(looks, xb, 0.2f, 0.55f);
            tracker.update(looks, f * FRAME, SIGMAS);
            if (f == 10) {
                idA = idOfPersonAt(looks, xa);
                idB = idOfPersonAt(looks, xb);
            }
            if (hidden && looks.count() == 1 && looks.id(0) == idA) {
                took++;
            }
            if (f > 10 && !hidden && Math.abs(xa - xb) > 40) {
                held &= idOfPersonAt(looks, xa) == idA && idOfPersonAt(looks, xb) == idB;
            }
            xa += 3;
            if (stopped < 0 && xb - xa <= 8 && xb > xa - 100) {
                stopped = f;
            }
            if (stopped < 0 || f - stopped >= 6) {
                xb -= 8;
            } else {
                xb = xa;
            }
        }
        return new Crossing(took, held && idA >= 0 && idB >= 0 && idA != idB);
    }

    private static void person(Poses poses, float x, float r, float g) {
        int p = poses.add(1f);
        for (int k = 0; k < 18; k++) {
            poses.setKeypoint(p, k, x + ref(k)[0], 100 + ref(k)[1], 0.9f);
        }
        for (int i = 0; i < poses.appearanceParts(); i++) {
            poses.setColour(p, i, r, g, 0.5f);
        }
    }

    private static int idOfPersonAt(Poses poses, float x) {
        for (int p = 0; p < poses.count(); p++) {
            if (Math.abs(poses.x(p, 0) - (x + ref(0)[0])) < 1f) {
                return poses.id(p);
            }
        }
        return -2;
    }

    @Test
    void smoothingReducesJitterOfAStillPerson() {
        Tracker tracker = new Tracker(TrackerParams.defaults().withSmoothing(true).withConfirmHits(1), 18, 4);
        Random rnd = new Random(3);
        double rawError = 0;
        double smoothError = 0;
        for (int f = 0; f < 60; f++) {
            float noise = (float) rnd.nextGaussian() * 2f;
            people(new float[] {200 + noise}, 1f, 18);
            tracker.update(poses, f * FRAME, SIGMAS);
            if (f >= 10) {
                rawError += Math.abs(noise);
                smoothError += Math.abs(poses.x(0, 0) - (200 + ref(0)[0]));
            }
        }
        assertTrue(smoothError < rawError / 2, "smoothed " + smoothError + " vs raw " + rawError);
    }

    @Test
    void rejectsMismatchedSigmasAndBadSettings() {
        Tracker tracker = new Tracker(TrackerParams.defaults(), 18, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tracker.update(new Poses(18, 2), 0, new float[17]));
        assertTrue(e.getMessage().contains("17 sigmas"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrackerParams.defaults().withConfirmHits(0));
        assertThrows(IllegalArgumentException.class, () -> new PublishRule(0, 0f));
    }

    /** One standing person (a 60 x 153 px figure) per x, with the first {@code kps} keypoints, in order. */
    private void people(float[] xs, float score, int kps) {
        poses.clear();
        for (float x : xs) {
            int p = poses.add(score);
            for (int k = 0; k < kps; k++) {
                poses.setKeypoint(p, k, x + ref(k)[0], 100 + ref(k)[1], 0.9f);
            }
        }
    }

    private static float[] ref(int k) {
        return new float[] {(k % 5) * 15f - 30f, k * 9f};
    }
}
