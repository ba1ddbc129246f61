package io.posegate.grouping.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The tracker's appearance shortcuts (colour distances and each detection's closest-looking tracks computed
 * only when a decision needs them; no appearance factor for a pair below its stage's gate) publish exactly
 * what the straightforward computation publishes (every distance up front, the factor on every pair:
 * {@link Tracker#eagerLooks}): the same people, ids and keypoint bits, frame by frame, on crowded scenes of
 * people crossing, with partial and missed detections and colours close enough to compete, some with noisy
 * colours (where the closest-looking track is often above near, the case the exact rows are for). The scenes are
 * ones where appearance changes the output (checked), so a shortcut that dropped a factor that matters
 * would show.
 */
class TrackerLooksShortcutTest {
    private static final int K = 18;
    private static final int PARTS = 10;
    private static final float[] SIGMAS = KeypointSigmas.forNames(Topologies.coco18OpenPose().keypoints());

    @Test
    void shortcutsPublishWhatTheStraightforwardComputationPublishes() {
        int appearanceMattered = 0;
        for (long seed = 1; seed <= 12; seed++) {
            TrackerParams params = TrackerParams.defaults().withSmoothing(seed % 2 == 0);
            assertEquals(0, firstDifference(params, params, t -> t.eagerLooks(true), seed), "seed " + seed);
            appearanceMattered += firstDifference(params, params.withAppearance(false), t -> { }, seed) > 0 ? 1 : 0;
        }
        assertTrue(appearanceMattered >= 6, "appearance changed the output in only " + appearanceMattered + " of 12 scenes");
    }

    /**
     * Association's shortcuts (stage 2 weighs only partial detections with a pair at its gate against the people
     * matched in stage 1, the others being refused either way; a stage-1 match with OKS of at least
     * {@code 1 / 2} is never a copy; stage 1 solved without the appearance factors of unmatched pairs when that
     * cannot change the answer, {@link StageOne}) publish what the straightforward computation publishes, on scenes where
     * such rows and undone copies occur.
     */
    @Test
    void associationShortcutsPublishWhatTheStraightforwardComputationPublishes() {
        long weighed = 0;
        long undone = 0;
        long deferred = 0;
        long rebuilt = 0;
        for (long seed = 1; seed <= 12; seed++) {
            TrackerParams params = TrackerParams.defaults().withSmoothing(seed % 2 == 0);
            for (boolean appearance : new boolean[] {true, false}) {
                TrackerParams p = params.withAppearance(appearance);
                Tracker[] fast = new Tracker[1];
                assertEquals(0, firstDifference(p, p, t -> t.straightAssociation(true), seed, fast),
                        "seed " + seed + ", appearance " + appearance);
                weighed += fast[0].associationCounts()[0];
                undone += fast[0].associationCounts()[1];
                deferred += fast[0].associationCounts()[2];
                rebuilt += fast[0].associationCounts()[3];
            }
        }
        assertTrue(weighed >= 1000, "stage 2 had only " + weighed + " rows at its gate");
        assertTrue(undone >= 10, "only " + undone + " stage-1 matches undone");
        assertTrue(deferred >= 1000 && rebuilt >= 100, "stage 1 deferred " + deferred + " times, rebuilt " + rebuilt);
    }

    private static int firstDifference(TrackerParams a, TrackerParams b, Consumer<Tracker> setB, long seed) {
        return firstDifference(a, b, setB, seed, new Tracker[1]);
    }

    /**
     * Runs scene {@code seed} through a tracker with {@code a} (shortcuts on; left in {@code fastOut[0]}) and one
     * with {@code b}, set up by {@code setB} (e.g. eager); the first frame (from 1) where their published
     * people differ, or 0.
     */
    private static int firstDifference(TrackerParams a, TrackerParams b, Consumer<Tracker> setB, long seed,
                                       Tracker[] fastOut) {
        Tracker fast = new Tracker(a, K, 40);
        Tracker straight = new Tracker(b, K, 40);
        setB.accept(straight);
        fastOut[0] = fast;
        Poses pa = new Poses(K, 40, PARTS);
        Poses pb = new Poses(K, 40, PARTS);
        Random rnd = new Random(seed);
        float noise = seed > 6 ? 0.06f : 0.01f; // noisy colours: the closest-looking track is often above near
        int people = 10;
        float[] x = new float[people];
        float[] y = new float[people];
        float[] vx = new float[people];
        float[] colour = new float[2 * people];
        for (int i = 0; i < people; i++) {
            x[i] = 40 + 520 * rnd.nextFloat();
            y[i] = 40 + 60 * rnd.nextFloat();
            vx[i] = (rnd.nextBoolean() ? 1 : -1) * (2 + 6 * rnd.nextFloat());
            colour[2 * i] = 0.2f + 0.03f * (i % 5) + (i >= 5 ? 0.2f : 0f); // neighbours 0.03-0.04 apart: they compete
            colour[2 * i + 1] = 0.5f - 0.025f * (i % 5);
        }
        for (int f = 1; f <= 300; f++) {
            pa.clear();
            pb.clear();
            for (int i = 0; i < people; i++) {
                x[i] += vx[i];
                if (x[i] < 20 || x[i] > 600) {
                    vx[i] = -vx[i];
                }
                if (rnd.nextInt(12) == 0) {
                    continue; // missed this frame
                }
                int kps = rnd.nextInt(4) == 0 ? 2 + rnd.nextInt(4) : K;
                float score = 0.5f + 0.5f * rnd.nextFloat();
                int p = pa.add(score);
                pb.add(score);
                for (int k = 0; k < kps; k++) {
                    if (kps == K && rnd.nextInt(8) == 0) {
                        continue;
                    }
                    float kx = x[i] + (k % 5) * 12f - 24f + (float) rnd.nextGaussian() * 2f;
                    float ky = y[i] + k * 7f + (float) rnd.nextGaussian() * 2f;
                    pa.setKeypoint(p, k, kx, ky, 0.9f);
                    pb.setKeypoint(p, k, kx, ky, 0.9f);
                }
                for (int part = 0; part < PARTS; part++) {
                    if (rnd.nextInt(5) == 0) {
                        continue;
                    }
                    // a limb hidden behind someone else may show their colour
                    int shown = rnd.nextInt(6) == 0 ? rnd.nextInt(people) : i;
                    float r = colour[2 * shown] + noise * (float) rnd.nextGaussian();
                    float g = colour[2 * shown + 1] + noise * (float) rnd.nextGaussian();
                    float v = 0.5f + 0.02f * (float) rnd.nextGaussian();
                    pa.setColour(p, part, r, g, v);
                    pb.setColour(p, part, r, g, v);
                }
            }
            long now = f * 66_666_667L;
            fast.update(pa, now, SIGMAS);
            straight.update(pb, now, SIGMAS);
            if (!PublishedPoses.same(pa, pb)) {
                return f;
            }
        }
        return 0;
    }
}
