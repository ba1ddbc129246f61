package io.posegate.grouping.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The keypoint owners' shortcut ({@link KeypointOwners#allOwn}: a match whose OKS is close enough to 1 has
 * no keypoint another person can take) gives what checking every keypoint gives: it vouches only for pairs
 * whose every shared keypoint its own track explains, and a tracker with it publishes, frame by frame, what
 * one without it ({@link Tracker#straightOwners}) publishes, on scenes where people cross and the detections
 * mix their skeletons, so keypoints do move.
 */
class KeypointOwnersShortcutTest {
    private static final int K = 18;
    private static final float[] SIGMAS = KeypointSigmas.forNames(Topologies.coco18OpenPose().keypoints());

    @Test
    void vouchesOnlyForPairsWhoseEveryKeypointIsItsOwn() {
        Random rnd = new Random(3);
        float[] kappa = new float[K];
        Similarity.kappa(SIGMAS, kappa);
        int vouched = 0;
        int refused = 0;
        for (int round = 0; round < 2000; round++) {
            TrackTable tracks = new TrackTable(K, 1);
            for (int j = 0; j < K; j++) {
                tracks.has[j] = rnd.nextInt(6) != 0;
                tracks.ox[j] = 0.6f * (rnd.nextFloat() - 0.5f);
                tracks.oy[j] = rnd.nextFloat() - 0.5f;
            }
            tracks.size = 1;
            tracks.project(0, 100 * rnd.nextFloat(), 100 * rnd.nextFloat(), 20 + 60 * rnd.nextFloat());
            Poses poses = new Poses(K, 1);
            int p = poses.add(1f);
            float noise = 0.2f + 3f * rnd.nextFloat(); // from all keypoints surely own to some not
            for (int j = 0; j < K; j++) {
                if (rnd.nextInt(5) != 0) {
                    poses.setKeypoint(p, j, tracks.px[j] + noise * (float) rnd.nextGaussian(),
                            tracks.py[j] + noise * (float) rnd.nextGaussian(), 0.5f);
                }
            }
            DetectionKeys keys = new DetectionKeys(K);
            keys.index(poses, 1, new float[4]);
            float oks = Similarity.oksPredicted(poses, p, keys, tracks, 0, kappa);
            double least = 1;
            for (int j = 0; j < K; j++) {
                if (poses.present(p, j) && tracks.has[j]) {
                    least = Math.min(least, Similarity.one(poses, p, j, tracks.px[j], tracks.py[j], tracks.area(0), kappa));
                }
            }
            if (KeypointOwners.allOwn(oks, keys, p, tracks, 0)) {
                vouched++;
                assertTrue(least >= KeypointOwners.OWN, "vouched for a pair with a keypoint at OKS " + least);
            } else if (least >= KeypointOwners.OWN) {
                refused++;
            }
        }
        assertTrue(vouched > 200, vouched + " pairs vouched for, " + refused + " refused");
        assertTrue(refused > 200, refused + " pairs left to the keypoint check");
    }

    @Test
    void trackerPublishesWhatCheckingEveryKeypointPublishes() {
        long moved = 0;
        long skipped = 0;
        for (long seed = 1; seed <= 8; seed++) {
            for (boolean appearance : new boolean[] {true, false}) {
                TrackerParams params = TrackerParams.defaults().withSmoothing(seed % 2 == 0).withAppearance(appearance);
                Tracker fast = new Tracker(params, K, 40);
                Tracker straight = new Tracker(params, K, 40);
                straight.straightOwners(true);
                assertEquals(0, firstDifference(fast, straight, seed), "seed " + seed + ", appearance " + appearance);
                assertEquals(straight.ownersCounts()[0], fast.ownersCounts()[0]);
                assertEquals(0, straight.ownersCounts()[1]);
                moved += fast.ownersCounts()[0];
                skipped += fast.ownersCounts()[1];
            }
        }
        assertTrue(moved >= 100, "only " + moved + " keypoints moved");
        assertTrue(skipped >= 5_000, "only " + skipped + " matched detections skipped the check");
    }

    /**
     * Scene seed: people walking to and fro along a line, so they cross often; near a crossing a detection
     * often has the other person's legs. Seeds 1-4 measure keypoints closely (0.2 px), so most matches are close
     * enough for the shortcut; seeds 5-8 loosely (1.5 px), so most are checked. The first frame (from 1) where the
     * two trackers publish differently, or 0.
     */
    private static int firstDifference(Tracker a, Tracker b, long seed) {
        Poses pa = new Poses(K, 40, 2);
        Poses pb = new Poses(K, 40, 2);
        Random rnd = new Random(seed);
        float noise = seed <= 4 ? 0.2f : 1.5f;
        int people = 8;
        float[] x = new float[people];
        float[] vx = new float[people];
        for (int i = 0; i < people; i++) {
            x[i] = 40 + 400 * rnd.nextFloat();
            vx[i] = (rnd.nextBoolean() ? 1 : -1) * (2 + 5 * rnd.nextFloat());
        }
        for (int f = 1; f <= 300; f++) {
            pa.clear();
            pb.clear();
            for (int i = 0; i < people; i++) {
                x[i] += vx[i];
                if (x[i] < 20 || x[i] > 460) {
                    vx[i] = -vx[i];
                }
            }
            for (int i = 0; i < people; i++) {
                if (rnd.nextInt(15) == 0) {
                    continue; // missed this frame
                }
                int other = rnd.nextInt(people);
                boolean mixed = other != i && Math.abs(x[other] - x[i]) < 40 && rnd.nextInt(3) == 0;
                float score = 0.5f + 0.5f * rnd.nextFloat();
                int p = pa.add(score);
                pb.add(score);
                for (int k = 0; k < K; k++) {
                    if (rnd.nextInt(10) == 0) {
                        continue;
                    }
                    float cx = mixed && k >= 8 ? x[other] : x[i]; // the legs of someone crossing
                    float kx = cx + (k % 5) * 6f - 12f + (float) rnd.nextGaussian() * noise;
                    float ky = 100 + k * 8f + (float) rnd.nextGaussian() * noise;
                    pa.setKeypoint(p, k, kx, ky, 0.9f);
                    pb.setKeypoint(p, k, kx, ky, 0.9f);
                }
                for (int part = 0; part < 2; part++) {
                    float c = 0.2f + 0.05f * i;
                    pa.setColour(p, part, c, 0.4f, 0.5f);
                    pb.setColour(p, part, c, 0.4f, 0.5f);
                }
            }
            long now = f * 66_666_667L;
            a.update(pa, now, SIGMAS);
            b.update(pb, now, SIGMAS);
            if (!PublishedPoses.same(pa, pb)) {
                return f;
            }
        }
        return 0;
    }
}
