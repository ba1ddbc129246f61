package io.posegate.grouping.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.Poses;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The matched track's follow-up shortcuts give exactly what the straightforward computations give: the
 * template frame decided on a float box by compares (against the double loop it replaced, on templates
 * in and out of the bands, with zeros of both signs, NaN and infinite offsets), and the re-template's count
 * of present keypoints (against {@link Poses#presentCount}) and template box (against {@link #templateBox}, a second pass over the template).
 */
class FollowFastPathTest {
    private static final int K = 18;
    private static final int N = 400;
    private final Random rnd = new Random(5);

    @Test
    void templateFrameDecidesAndChangesAsTheDoubleLoop() {
        TrackTable fast = new TrackTable(K, N);
        TrackTable exact = new TrackTable(K, N);
        MotionModel fastMotion = new MotionModel(N);
        MotionModel exactMotion = new MotionModel(N);
        int changed = 0;
        for (int t = 0; t < N; t++) {
            // extents in, out of and at the edges of [0.5, 2]; centres at 0 and about 1 away (the shift's edge)
            double spread = new double[] {0.3, 0.49, 0.51, 1.0, 1.98, 2.02, 3.0, 0.0}[t % 8];
            double off = t % 3 == 0 ? 0 : (t % 2 == 0 ? 1 : -1) * (0.9 + 0.2 * rnd.nextDouble());
            for (int j = 0; j < K; j++) {
                int at = t * K + j;
                fast.has[at] = t % 17 != 5 && rnd.nextInt(5) != 0; // track 5 (mod 17) has no keypoint
                fast.ox[at] = offset(t, j, spread, off);
                fast.oy[at] = offset(t, j, spread, -off);
            }
            System.arraycopy(fast.has, t * K, exact.has, t * K, K);
            System.arraycopy(fast.ox, t * K, exact.ox, t * K, K);
            System.arraycopy(fast.oy, t * K, exact.oy, t * K, K);
            double x = rnd.nextBoolean() ? -0.0 : 40 * rnd.nextDouble();
            fastMotion.start(t, x, 20, 30);
            exactMotion.start(t, x, 20, 30);
            float[] box = new float[4];
            templateBox(fast, t, box);
            boolean a = TemplateFrame.normalise(fast, fastMotion, t, box);
            boolean b = TemplateFrame.normaliseExactly(exact, exactMotion, t);
            assertEquals(b, a, "changed, track " + t);
            changed += a ? 1 : 0;
            for (int j = 0; j < K; j++) {
                int at = t * K + j;
                assertEquals(Float.floatToRawIntBits(exact.ox[at]), Float.floatToRawIntBits(fast.ox[at]), "ox " + t);
                assertEquals(Float.floatToRawIntBits(exact.oy[at]), Float.floatToRawIntBits(fast.oy[at]), "oy " + t);
            }
            assertEquals(Double.doubleToRawLongBits(exactMotion.x(t)), Double.doubleToRawLongBits(fastMotion.x(t)));
            assertEquals(Double.doubleToRawLongBits(exactMotion.y(t)), Double.doubleToRawLongBits(fastMotion.y(t)));
            assertEquals(Double.doubleToRawLongBits(exactMotion.size(t)), Double.doubleToRawLongBits(fastMotion.size(t)));
        }
        assertTrue(changed > N / 5 && changed < N * 4 / 5, changed + " of " + N + " changed: the test needs both kinds");
    }

    /** Offsets of a template: spread around off, with zeros of both signs, now and then NaN or infinite. */
    private float offset(int t, int j, double spread, double off) {
        int kind = rnd.nextInt(40);
        if (t % 7 == 3 && kind < 12) {
            return kind % 2 == 0 ? 0f : -0f;
        }
        if (t % 11 == 4 && kind == 0) {
            return Float.NaN;
        }
        if (t % 13 == 6 && kind < 2) {
            return kind == 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
        }
        return (float) (off + spread * (rnd.nextDouble() - 0.5));
    }

    @Test
    void retemplateCountsThePresentKeypointsAndFindsTheTemplatesBox() {
        Poses poses = new Poses(K, 50);
        TrackTable tracks = new TrackTable(K, 1);
        float[] box = new float[4];
        float[] expected = new float[4];
        templateBox(tracks, 0, expected);
        assertEquals(Float.POSITIVE_INFINITY, expected[0], "a template without keypoints has no box");
        for (int i = 0; i < 50; i++) {
            int p = poses.add(1f);
            for (int j = 0; j < K; j++) {
                if (rnd.nextInt(i % 5 + 1) == 0) {
                    float x = i % 9 == 4 && j % 3 == 0 ? 25f : 50 * rnd.nextFloat(); // some offsets exactly 0
                    poses.setKeypoint(p, j, x, 50 * rnd.nextFloat(), 0.1f + rnd.nextFloat());
                }
            }
            // the template keeps the keypoints earlier detections had and this one lacks
            assertEquals(poses.presentCount(p), PoseFit.retemplate(poses, p, tracks, 0, 25, 25, 30, box));
            templateBox(tracks, 0, expected);
            for (int c = 0; c < 4; c++) {
                assertEquals(Float.floatToRawIntBits(expected[c]), Float.floatToRawIntBits(box[c]), "box " + c);
            }
        }
    }

    /** Track t's template box {minX, minY, maxX, maxY}, by compares from infinities, in a pass of its own. */
    private static void templateBox(TrackTable tr, int t, float[] box) {
        int k = tr.keypoints;
        box[0] = Float.POSITIVE_INFINITY;
        box[1] = Float.POSITIVE_INFINITY;
        box[2] = Float.NEGATIVE_INFINITY;
        box[3] = Float.NEGATIVE_INFINITY;
        for (int i = t * k; i < (t + 1) * k; i++) {
            if (tr.has[i]) {
                box[0] = BoxSimilarity.min(box[0], tr.ox[i]);
                box[1] = BoxSimilarity.min(box[1], tr.oy[i]);
                box[2] = BoxSimilarity.max(box[2], tr.ox[i]);
                box[3] = BoxSimilarity.max(box[3], tr.oy[i]);
            }
        }
    }
}
