package io.posegate.grouping.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.Poses;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link OksMatrix} (four tracks per loop, NaN where a track lacks a keypoint) gives every pair the same float
 * as the straightforward computation: {@link BoxSimilarity#near} then {@link Similarity#oksPredicted}, and a
 * loop over all keypoints with the interpolation's difference taken per call. Random poses and tracks, with
 * absent keypoints, tracks without a keypoint the detection has (also after their keypoint set changed or their
 * slot was reused), infinite coordinates, zero sigmas (infinite kappa: a NaN exponent where a keypoint sits on
 * its prediction), 0 to 13 tracks (every remainder of four), and models of 17, 18, 64 and 70 keypoints (past
 * 64: the per-pair loop).
 */
class OksMatrixTest {
    private final Random rnd = new Random(11);

    @Test
    void everyPairIsTheStraightforwardOks() {
        int positive = 0;
        int zeroNear = 0;
        for (int k : new int[] {17, 18, 64, 70}) {
            for (int round = 0; round < 300; round++) {
                float[] sigmas = new float[k];
                for (int j = 0; j < k; j++) {
                    sigmas[j] = rnd.nextInt(40) == 0 ? 0f : 0.025f + 0.08f * rnd.nextFloat();
                }
                float[] kappa = new float[k];
                Similarity.kappa(sigmas, kappa);
                TrackTable tracks = randomTracks(k, rnd.nextInt(14));
                Poses poses = randomPoses(k, 1 + rnd.nextInt(12), tracks);
                DetectionKeys keys = new DetectionKeys(k);
                float[] boxes = new float[4 * poses.capacity()];
                keys.index(poses, poses.count(), boxes);
                float[] oks = new float[poses.capacity() * tracks.capacity];
                java.util.Arrays.fill(oks, -1f);
                OksMatrix.fill(poses, poses.count(), keys, boxes, tracks, kappa, oks);
                for (int p = 0; p < poses.count(); p++) {
                    for (int t = 0; t < tracks.size; t++) {
                        boolean near = BoxSimilarity.near(boxes, p, tracks, t);
                        float listed = near ? Similarity.oksPredicted(poses, p, keys, tracks, t, kappa) : 0f;
                        float full = near ? straightOks(poses, p, tracks, t, kappa) : 0f;
                        float got = oks[p * tracks.capacity + t];
                        String pair = k + " keypoints, detection " + p + ", track " + t + " of " + tracks.size;
                        assertEquals(Float.floatToRawIntBits(full), Float.floatToRawIntBits(listed), pair);
                        assertEquals(Float.floatToRawIntBits(listed), Float.floatToRawIntBits(got), pair);
                        positive += got > 0.05f ? 1 : 0;
                        zeroNear += near && got == 0f ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(positive > 2000, "too few overlapping pairs: " + positive);
        assertTrue(zeroNear > 200, "too few near pairs of OKS 0: " + zeroNear);
    }

    @Test
    void expNegIsTheInterpolationComputedPerCall() {
        for (int i = 0; i <= 17 * 64 * 16; i++) {
            float x = i / (64f * 16f);
            assertEquals(Float.floatToRawIntBits(expNegStraight(x)), Float.floatToRawIntBits(Similarity.expNeg(x)));
        }
        for (int i = 0; i < 1_000_000; i++) {
            float x = 17f * rnd.nextFloat();
            assertEquals(Float.floatToRawIntBits(expNegStraight(x)), Float.floatToRawIntBits(Similarity.expNeg(x)));
        }
        for (float x : new float[] {-0f, 0f, Float.MIN_VALUE, Math.nextDown(16f), 16f, Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NaN}) {
            assertEquals(Float.floatToRawIntBits(expNegStraight(x)), Float.floatToRawIntBits(Similarity.expNeg(x)));
        }
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(Similarity.expNeg(Float.NaN)));
    }

    /** OKS over every keypoint both have, in ascending order, with the interpolation's difference per call. */
    private static float straightOks(Poses poses, int p, TrackTable tr, int t, float[] kappa) {
        float sum = 0;
        int shared = 0;
        for (int j = 0; j < tr.keypoints; j++) {
            if (tr.has[t * tr.keypoints + j] && poses.present(p, j)) {
                float dx = poses.x(p, j) - tr.px[t * tr.keypoints + j];
                float dy = poses.y(p, j) - tr.py[t * tr.keypoints + j];
                sum += expNegStraight((dx * dx + dy * dy) * tr.invArea[t] * kappa[j]);
                shared++;
            }
        }
        return shared == 0 ? 0f : sum / shared;
    }

    /**
     * Tracks in a 300 x 200 scene, each keypoint kept with probability 0.3 to 1 (some tracks with none), as a
     * tracker leaves them: slots reused after swap-removals, keypoint sets changed between projections.
     */
    private TrackTable randomTracks(int k, int count) {
        TrackTable tracks = new TrackTable(k, 16);
        for (int frame = 0; frame < 3; frame++) {
            while (tracks.size > 0 && rnd.nextInt(3) == 0) {
                tracks.move(tracks.size - 1, rnd.nextInt(tracks.size));
                tracks.size--;
            }
            for (int t = 0; t < count; t++) {
                if (t >= tracks.size || rnd.nextInt(3) == 0) {
                    template(tracks, t, k);
                }
                tracks.size = Math.max(tracks.size, t + 1);
                tracks.project(t, 300 * rnd.nextDouble(), 200 * rnd.nextDouble(), 20 + 80 * rnd.nextDouble());
            }
        }
        return tracks;
    }

    private void template(TrackTable tracks, int t, int k) {
        float keep = rnd.nextInt(10) == 0 ? 0f : 0.3f + 0.7f * rnd.nextFloat();
        for (int j = 0; j < k; j++) {
            tracks.has[t * k + j] = rnd.nextFloat() < keep;
            tracks.ox[t * k + j] = 0.6f * (rnd.nextFloat() - 0.5f);
            tracks.oy[t * k + j] = rnd.nextFloat() - 0.5f;
        }
    }

    /**
     * Detections near the tracks: each a noisy copy of a track's predicted keypoints (some exactly on them),
     * or scattered; keypoints kept with probability 0.2 to 1, a few at infinity.
     */
    private Poses randomPoses(int k, int count, TrackTable tracks) {
        Poses poses = new Poses(k, count);
        for (int i = 0; i < count; i++) {
            int q = poses.add(1f);
            int t = tracks.size == 0 ? -1 : rnd.nextInt(tracks.size);
            float jitter = rnd.nextInt(4) == 0 ? 0f : 30f * rnd.nextFloat();
            float keep = 0.2f + 0.8f * rnd.nextFloat();
            for (int j = 0; j < k; j++) {
                if (rnd.nextFloat() >= keep) {
                    continue;
                }
                float x;
                float y;
                if (t >= 0 && tracks.has[t * k + j]) {
                    x = tracks.px[t * k + j] + jitter * (float) rnd.nextGaussian();
                    y = tracks.py[t * k + j] + jitter * (float) rnd.nextGaussian();
                } else {
                    x = 300 * rnd.nextFloat();
                    y = 200 * rnd.nextFloat();
                }
                if (rnd.nextInt(200) == 0) {
                    x = rnd.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
                }
                poses.setKeypoint(q, j, x, y, 0.5f);
            }
        }
        return poses;
    }

    /**
     * exp(-x) as {@link Similarity#expNeg} computed it before its step table: the table's entries are
     * (float) exp(-i / 64), as there, and their difference is taken per call.
     */
    private static float expNegStraight(float x) {
        if (!(x < 16f)) {
            return 0f;
        }
        float f = x * 64;
        int i = (int) f;
        float r = f - i;
        float low = (float) Math.exp(-i / (double) 64);
        float high = (float) Math.exp(-(i + 1) / (double) 64);
        return low + r * (high - low);
    }
}
