package io.posegate.grouping.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The first tracker, kept for comparisons. */
class GreedyOksTrackerTest {
    private static final float[] SIGMAS = KeypointSigmas.forNames(Topologies.coco18OpenPose().keypoints());
    private static final long FRAME = 33_333_333L;

    @Test
    void keepsIdsOfPeopleMovingSlowlyEvenWhenTheyComeInAnotherOrder() {
        GreedyOksTracker tracker = new GreedyOksTracker(0.3f, 2, false, 18, 8);
        Poses poses = new Poses(18, 8);
        fill(poses, new float[] {100, 300}, 0);
        tracker.update(poses, 0, SIGMAS);
        int left = poses.id(0);
        int right = poses.id(1);
        assertNotEquals(left, right);
        fill(poses, new float[] {305, 104}, 0);
        tracker.update(poses, FRAME, SIGMAS);
        assertEquals(right, poses.id(0));
        assertEquals(left, poses.id(1));
    }

    @Test
    void retiresTracksAfterMaxAgeAndNeverReusesIds() {
        GreedyOksTracker tracker = new GreedyOksTracker(0.3f, 1, false, 18, 4);
        Poses poses = new Poses(18, 4);
        fill(poses, new float[] {100}, 0);
        tracker.update(poses, 0, SIGMAS);
        int first = poses.id(0);
        poses.clear();
        tracker.update(poses, FRAME, SIGMAS);
        assertEquals(1, tracker.liveTracks(), "one missed frame is within maxAge 1");
        fill(poses, new float[] {100}, 0);
        tracker.update(poses, 2 * FRAME, SIGMAS);
        assertEquals(first, poses.id(0), "back within maxAge keeps its id");
        poses.clear();
        tracker.update(poses, 3 * FRAME, SIGMAS);
        tracker.update(poses, 4 * FRAME, SIGMAS);
        assertEquals(0, tracker.liveTracks());
        fill(poses, new float[] {100}, 0);
        tracker.update(poses, 5 * FRAME, SIGMAS);
        assertTrue(poses.id(0) > first, "a returning person after maxAge gets a new id");
    }

    @Test
    void aFarJumpStartsANewTrack() {
        GreedyOksTracker tracker = new GreedyOksTracker(0.3f, 10, true, 18, 4);
        Poses poses = new Poses(18, 4);
        fill(poses, new float[] {100}, 0);
        tracker.update(poses, 0, SIGMAS);
        int id = poses.id(0);
        fill(poses, new float[] {400}, 0);
        tracker.update(poses, FRAME, SIGMAS);
        assertNotEquals(id, poses.id(0));
    }

    @Test
    void smoothingReducesJitterOfAStillPerson() {
        GreedyOksTracker tracker = new GreedyOksTracker(0.3f, 10, true, 18, 4);
        Poses poses = new Poses(18, 4);
        Random rnd = new Random(3);
        double rawError = 0;
        double smoothError = 0;
        for (int f = 0; f < 60; f++) {
            float noise = (float) rnd.nextGaussian() * 2f;
            fill(poses, new float[] {200 + noise}, 0);
            tracker.update(poses, f * FRAME, SIGMAS);
            if (f >= 10) {
                rawError += Math.abs(noise);
                smoothError += Math.abs(poses.x(0, 0) - (200 + ref(0)[0]));
            }
        }
        assertTrue(smoothError < rawError / 2, "smoothed " + smoothError + " vs raw " + rawError);
    }

    @Test
    void rejectsMismatchedSigmas() {
        GreedyOksTracker tracker = new GreedyOksTracker(0.3f, 10, true, 18, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tracker.update(new Poses(18, 2), 0, new float[17]));
        assertTrue(e.getMessage().contains("17 sigmas"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GreedyOksTracker(1.5f, 1, true, 18, 4));
    }

    @Test
    void sigmasFollowCocoNamesInEitherSpelling() {
        assertEquals(0.026f, KeypointSigmas.forNames(java.util.List.of("Nose")).clone()[0]);
        float[] a = KeypointSigmas.forNames(java.util.List.of("RShoulder", "left_ankle", "LEye", "neck"));
        assertEquals("[0.079, 0.089, 0.025, 0.079]", Arrays.toString(a));
    }

    /** Puts one standing person (a 60 x 160 px figure) per x into poses, in order. */
    private static void fill(Poses poses, float[] xs, float dy) {
        poses.clear();
        for (float x : xs) {
            int p = poses.add(1f);
            for (int k = 0; k < 18; k++) {
                poses.setKeypoint(p, k, x + ref(k)[0], 100 + dy + ref(k)[1], 0.9f);
            }
        }
    }

    private static float[] ref(int k) {
        return new float[] {(k % 5) * 15f - 30f, k * 9f};
    }
}
