package io.posegate.grouping.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.Poses;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tracker's per-frame shortcuts give exactly what the straightforward computations give: OKS over a
 * detection's listed keypoints, boxes from compares, the near and coverage bounds kept per projection,
 * the last observed pose written directly, and the owner pre-test never skipping a keypoint its own track
 * does not explain.
 */
class TrackerFastPathTest {
    private static final int K = 18;
    private final Random rnd = new Random(7);
    private final float[] kappa = new float[K];

    TrackerFastPathTest() {
        float[] sigmas = new float[K];
        for (int j = 0; j < K; j++) {
            sigmas[j] = 0.025f + 0.08f * rnd.nextFloat();
        }
        Similarity.kappa(sigmas, kappa);
    }

    @Test
    void listedOksAndBoxesEqualTheFullScan() {
        Poses poses = randomPoses(30);
        TrackTable tracks = randomTracks(12);
        DetectionKeys keys = new DetectionKeys(K);
        float[] boxes = new float[4 * poses.capacity()];
        keys.index(poses, poses.count(), boxes);
        int nonZero = 0;
        for (int p = 0; p < poses.count(); p++) {
            assertEquals(poses.presentCount(p), keys.count(p));
            float[] ref = referenceBox(poses, p);
            for (int i = 0; i < 4; i++) {
                assertEquals(ref[i], boxes[4 * p + i], "box of " + p);
            }
            for (int t = 0; t < tracks.size; t++) {
                float full = referenceOks(poses, p, tracks, t);
                float listed = Similarity.oksPredicted(poses, p, keys, tracks, t, kappa);
                assertEquals(Float.floatToIntBits(full), Float.floatToIntBits(listed), "OKS of " + p + " and " + t);
                nonZero += full > 0.01f ? 1 : 0;
            }
        }
        assertTrue(nonZero > 20, "too few overlapping pairs to compare: " + nonZero);
    }

    @Test
    void nearAndCoverageBoundsMatchTheBoxTheyCameFrom() {
        Poses poses = randomPoses(30);
        TrackTable tracks = randomTracks(12);
        float[] boxes = new float[4 * poses.capacity()];
        new DetectionKeys(K).index(poses, poses.count(), boxes);
        int near = 0;
        for (int p = 0; p < poses.count(); p++) {
            for (int t = 0; t < tracks.size; t++) {
                float[] b = tracks.box;
                float m = 0.3f * Math.max(b[4 * t + 2] - b[4 * t], b[4 * t + 3] - b[4 * t + 1]);
                boolean expected = boxes[4 * p] <= b[4 * t + 2] + m && boxes[4 * p + 2] >= b[4 * t] - m
                        && boxes[4 * p + 1] <= b[4 * t + 3] + m && boxes[4 * p + 3] >= b[4 * t + 1] - m;
                assertEquals(expected, BoxSimilarity.near(boxes, p, tracks, t));
                near += expected ? 1 : 0;
                assertEquals(referenceCoverage(poses, p, tracks, t), BoxSimilarity.coverage(poses, p, tracks, t));
            }
        }
        assertTrue(near > 0 && near < poses.count() * tracks.size, near + " near pairs: the test needs both kinds");
    }

    @Test
    void coverageOverListedKeypointsEqualsTheFullScan() {
        Poses poses = randomPoses(30);
        poses.add(0.5f); // a detection without keypoints: coverage 0 both ways
        TrackTable tracks = randomTracks(12);
        DetectionKeys keys = new DetectionKeys(K);
        keys.index(poses, poses.count(), new float[4 * poses.capacity()]);
        int partlyInside = 0;
        for (int p = 0; p < poses.count(); p++) {
            for (int t = 0; t < tracks.size; t++) {
                float full = referenceCoverage(poses, p, tracks, t);
                assertEquals(Float.floatToIntBits(full), Float.floatToIntBits(BoxSimilarity.coverage(poses, p, keys, tracks, t)),
                        "coverage of " + p + " and " + t);
                partlyInside += full > 0f && full < 1f ? 1 : 0;
            }
        }
        assertTrue(partlyInside > 5, "too few partly covered pairs to compare: " + partlyInside);
    }

    @Test
    void lastObservedPoseIsTheProjectionOfTheKeypointsTheTrackHas() {
        TrackTable a = randomTracks(5);
        TrackTable b = randomTracks(5);
        for (int t = 0; t < 5; t++) {
            a.project(t, 20.5, 11.25, 17.0);
            b.projectLast(t, 20.5, 11.25, 17.0);
            b.project(t, 3.0, -7.5, 40.0);
            for (int j = 0; j < K; j++) {
                if (a.has[t * K + j]) {
                    assertEquals(Float.floatToRawIntBits(a.px[t * K + j]), Float.floatToRawIntBits(b.lastX(t, j)));
                    assertEquals(Float.floatToRawIntBits(a.py[t * K + j]), Float.floatToRawIntBits(b.lastY(t, j)));
                }
            }
        }
    }

    @Test
    void lastSeenOksIsOksAgainstTheStoredLastPose() {
        Poses poses = randomPoses(30);
        TrackTable tracks = randomTracks(12);
        int nonZero = 0;
        for (int t = 0; t < tracks.size; t++) {
            double cx = 10 + 40 * rnd.nextDouble();
            double cy = 5 + 20 * rnd.nextDouble();
            double s = 15 + 10 * rnd.nextDouble();
            tracks.projectLast(t, cx, cy, s);
            tracks.lastSize[t] = (float) s;
            float[] xs = new float[K];
            float[] ys = new float[K];
            for (int j = 0; j < K; j++) {
                xs[j] = (float) (cx + tracks.ox[t * K + j] * s);
                ys[j] = (float) (cy + tracks.oy[t * K + j] * s);
            }
            tracks.project(t, cx + 5, cy - 3, s * 1.1);
            for (int p = 0; p < poses.count(); p++) {
                float ref = referenceOks(poses, p, xs, ys, 0, tracks.has, t * K, Math.max(1f, 0.5f * (float) s * (float) s));
                float got = Similarity.oksLastSeen(poses, p, tracks, t, kappa);
                assertEquals(Float.floatToRawIntBits(ref), Float.floatToRawIntBits(got), "OKS of " + p + " and " + t);
                nonZero += ref > 0.01f ? 1 : 0;
            }
        }
        assertTrue(nonZero > 20, "too few overlapping pairs to compare: " + nonZero);
    }

    @Test
    void keptKappasAreAlwaysThoseOfTheSigmasGiven() {
        KappaCache cache = new KappaCache(K);
        float[] sigmas = new float[K];
        float[] kept = new float[K];
        float[] fresh = new float[K];
        for (int round = 0; round < 6; round++) {
            if (round % 2 == 0) {
                sigmas[rnd.nextInt(K)] = 0.025f + 0.08f * rnd.nextFloat();   // the caller refills its own array
            }
            if (round == 3) {
                sigmas = sigmas.clone();
            }
            for (int j = 0; j < K; j++) {
                sigmas[j] = sigmas[j] == 0f ? 0.05f : sigmas[j];
            }
            cache.fill(sigmas, kept);
            Similarity.kappa(sigmas, fresh);
            for (int j = 0; j < K; j++) {
                assertEquals(Float.floatToRawIntBits(fresh[j]), Float.floatToRawIntBits(kept[j]), "kappa " + j + ", round " + round);
            }
        }
    }

    @Test
    void minAndMaxAreMathsButForTheSignOfZero() {
        float[] v = {-3.5f, -0f, 0f, 1e-30f, 2f, 2f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.NaN, 7.25f};
        for (float a : v) {
            for (float b : v) {
                assertEquals(Math.min(a, b) == 0f ? 0f : Math.min(a, b), BoxSimilarity.min(a, b) == 0f ? 0f : BoxSimilarity.min(a, b));
                assertEquals(Math.max(a, b) == 0f ? 0f : Math.max(a, b), BoxSimilarity.max(a, b) == 0f ? 0f : BoxSimilarity.max(a, b));
            }
        }
    }

    @Test
    void ownerPreTestOnlyVouchesForKeypointsItsTrackExplains() {
        Poses poses = randomPoses(40);
        int vouched = 0;
        int refused = 0;
        for (int p = 0; p < poses.count(); p++) {
            for (int j = 0; j < K; j++) {
                if (!poses.present(p, j)) {
                    continue;
                }
                float x = poses.x(p, j) + (float) rnd.nextGaussian() * 3f;
                float y = poses.y(p, j) + (float) rnd.nextGaussian() * 3f;
                float area = 20f + 400f * rnd.nextFloat();
                boolean sure = Similarity.surelyAbove(poses, p, j, x, y, area, kappa, 0.6f);
                double one = Similarity.one(poses, p, j, x, y, area, kappa);
                if (sure) {
                    vouched++;
                    assertTrue(one >= KeypointOwners.OWN, "vouched for a keypoint with OKS " + one);
                } else if (one >= KeypointOwners.OWN) {
                    refused++;
                }
            }
        }
        assertTrue(vouched > 50, vouched + " keypoints vouched for");
        assertTrue(refused > 0, "no keypoint near the threshold was left to the exact test");
    }

    private Poses randomPoses(int n) {
        Poses poses = new Poses(K, n + 4);
        for (int i = 0; i < n; i++) {
            int p = poses.add(1f);
            float cx = 10 + 40 * rnd.nextFloat();
            float cy = 5 + 20 * rnd.nextFloat();
            for (int j = 0; j < K; j++) {
                if (rnd.nextInt(3) != 0) {
                    poses.setKeypoint(p, j, cx + 12 * (rnd.nextFloat() - 0.5f), cy + 20 * (rnd.nextFloat() - 0.5f),
                            0.1f + rnd.nextFloat());
                }
            }
        }
        return poses;
    }

    private TrackTable randomTracks(int n) {
        TrackTable tracks = new TrackTable(K, n);
        Random r = new Random(11);
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < K; j++) {
                int at = t * K + j;
                tracks.has[at] = r.nextInt(4) != 0;
                tracks.ox[at] = 0.6f * (r.nextFloat() - 0.5f);
                tracks.oy[at] = r.nextFloat() - 0.5f;
            }
            tracks.size++;
            tracks.project(t, 10 + 40 * r.nextFloat(), 5 + 20 * r.nextFloat(), 15 + 10 * r.nextFloat());
        }
        return tracks;
    }

    /** OKS as written before the keypoint lists: every keypoint, both present, summed in order. */
    private float referenceOks(Poses poses, int p, TrackTable tr, int t) {
        return referenceOks(poses, p, tr.px, tr.py, t * K, tr.has, t * K, tr.area(t));
    }

    private float referenceOks(Poses poses, int p, float[] xs, float[] ys, int xyBase, boolean[] has, int base, float area) {
        float sum = 0;
        int shared = 0;
        float inv = 1f / area;
        for (int j = 0; j < K; j++) {
            if (has[base + j] && poses.present(p, j)) {
                float dx = poses.x(p, j) - xs[xyBase + j];
                float dy = poses.y(p, j) - ys[xyBase + j];
                sum += Similarity.expNeg((dx * dx + dy * dy) * inv * kappa[j]);
                shared++;
            }
        }
        return shared == 0 ? 0f : sum / shared;
    }

    private static float[] referenceBox(Poses poses, int p) {
        float[] b = {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int j = 0; j < K; j++) {
            if (poses.present(p, j)) {
                b[0] = Math.min(b[0], poses.x(p, j));
                b[1] = Math.min(b[1], poses.y(p, j));
                b[2] = Math.max(b[2], poses.x(p, j));
                b[3] = Math.max(b[3], poses.y(p, j));
            }
        }
        return b;
    }

    private static float referenceCoverage(Poses poses, int p, TrackTable tr, int t) {
        float[] b = tr.box;
        float m = 0.15f * Math.max(b[4 * t + 2] - b[4 * t], b[4 * t + 3] - b[4 * t + 1]);
        int in = 0;
        int n = 0;
        for (int j = 0; j < K; j++) {
            if (poses.present(p, j)) {
                n++;
                float x = poses.x(p, j);
                float y = poses.y(p, j);
                in += x >= b[4 * t] - m && x <= b[4 * t + 2] + m && y >= b[4 * t + 1] - m && y <= b[4 * t + 3] + m ? 1 : 0;
            }
        }
        return n == 0 ? 0f : in / (float) n;
    }
}
