package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * The tracker's pairwise OKS matrix: {@link Similarity#oksPredicted} of every detection against every track
 * that is {@link BoxSimilarity#near} it, 0 for the other pairs, every value the same float.
 *
 * <p>Why it is shaped so: a pair's OKS is a handful of terms (about 4 shared keypoints on the bench), and the
 * per-pair loop is bound by its instruction count (not by its sum's chain of additions): per pair and per term
 * it spends much of it on loop control and on loading the detection's keypoint and kappa with their bounds
 * checks, besides the exponential. Here a detection is weighed against four tracks at once:
 * one loop over the union of the four tracks' shared keypoints, in ascending order, loads the detection's
 * keypoint once and adds one term to each track's own sum. A track that lacks a keypoint of the union has
 * NaN there ({@link TrackTable#project}), so its term is {@link Similarity#expNeg}(NaN) = +0, and adding +0
 * leaves a sum unchanged (sums start at +0 and every term is at least +0, so a sum is never -0 or NaN). Each
 * track's sum is thus the same additions in the same order as its own loop, and is divided by the same count.
 * A track not near the detection takes part with no shared keypoint: its OKS is 0, as without the lanes.
 *
 * <p>The last one to three tracks, and models with more than 64 keypoints, take the per-pair loop. Stateless.
 */
final class OksMatrix {
    private OksMatrix() {
    }

    /** Writes the OKS of detection p against track t at oks[p * tracks.capacity + t], for p &lt; n, t &lt; size. */
    static void fill(Poses poses, int n, DetectionKeys keys, float[] detBox, TrackTable tracks, float[] kappa,
                     float[] oks) {
        int stride = tracks.capacity;
        int size = tracks.size;
        int k = tracks.keypoints;
        int fours = k <= 64 ? size & ~3 : 0;
        long[] has = tracks.hasMask;
        float[] inv = tracks.invArea;
        float[] px = tracks.px;
        float[] py = tracks.py;
        for (int p = 0; p < n; p++) {
            int row = p * stride;
            long mask = keys.mask(p);
            for (int t = 0; t < fours; t += 4) {
                long ma = BoxSimilarity.near(detBox, p, tracks, t) ? mask & has[t] : 0L;
                long mb = BoxSimilarity.near(detBox, p, tracks, t + 1) ? mask & has[t + 1] : 0L;
                long mc = BoxSimilarity.near(detBox, p, tracks, t + 2) ? mask & has[t + 2] : 0L;
                long md = BoxSimilarity.near(detBox, p, tracks, t + 3) ? mask & has[t + 3] : 0L;
                int a = t * k;
                float sa = 0;
                float sb = 0;
                float sc = 0;
                float sd = 0;
                for (long left = ma | mb | mc | md; left != 0L; left &= left - 1) {
                    int j = Long.numberOfTrailingZeros(left);
                    float x = poses.x(p, j);
                    float y = poses.y(p, j);
                    float kj = kappa[j];
                    sa += term(x, y, px[a + j], py[a + j], inv[t], kj);
                    sb += term(x, y, px[a + k + j], py[a + k + j], inv[t + 1], kj);
                    sc += term(x, y, px[a + 2 * k + j], py[a + 2 * k + j], inv[t + 2], kj);
                    sd += term(x, y, px[a + 3 * k + j], py[a + 3 * k + j], inv[t + 3], kj);
                }
                oks[row + t] = mean(sa, ma);
                oks[row + t + 1] = mean(sb, mb);
                oks[row + t + 2] = mean(sc, mc);
                oks[row + t + 3] = mean(sd, md);
            }
            for (int t = fours; t < size; t++) {
                oks[row + t] = BoxSimilarity.near(detBox, p, tracks, t)
                        ? Similarity.oksPredicted(poses, p, keys, tracks, t, kappa) : 0f;
            }
        }
    }

    /** A track's sum over its shared keypoints (bits of shared) divided by their count, as {@link Similarity}'s. */
    private static float mean(float sum, long shared) {
        return shared == 0L ? 0f : sum / Long.bitCount(shared);
    }

    /** One keypoint's term, the same float operations in the same order as {@link Similarity}'s OKS loop. */
    private static float term(float x, float y, float tx, float ty, float inv, float kappa) {
        float dx = x - tx;
        float dy = y - ty;
        return Similarity.expNeg((dx * dx + dy * dy) * inv * kappa);
    }
}
