package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * How much a detection looks like a track: COCO Object Keypoint Similarity against the track's predicted
 * (or last observed) pose with the track's own box as scale, so a partial detection is judged at the
 * whole person's size; box IoU; and box coverage (the share of the detection's keypoints inside the
 * track's predicted box). Keypoint constants come as kappa[j] = 1 / (8 sigma_j^2) (see {@link #kappa}), so
 * a keypoint's term is exp(-d^2 kappa[j] / area). Stateless.
 */
final class Similarity {
    private Similarity() {
    }

    /** Writes kappa[j] = 1 / (8 sigma_j^2) for COCO sigmas: OKS's exp(-d^2 / (2 s^2 (2 sigma)^2)) = exp(-d^2 kappa / s^2). */
    static void kappa(float[] sigmas, float[] kappa) {
        for (int j = 0; j < sigmas.length; j++) {
            kappa[j] = 1f / (8f * sigmas[j] * sigmas[j]);
        }
    }

    /**
     * OKS of detection p against track t's predicted pose, over the keypoints both have; 0 if none. Loops
     * over p's present keypoints as listed in keys, in ascending order, so the sum is the same float as
     * {@link #oksLastSeen}'s loop over all keypoints would give. The scale's reciprocal is the track's
     * {@link TrackTable#invArea}, the same float as 1 / area computed per pair.
     */
    static float oksPredicted(Poses poses, int p, DetectionKeys keys, TrackTable tr, int t, float[] kappa) {
        if (tr.keypoints <= 64) {
            return oks(poses, p, keys.mask(p) & tr.hasMask[t], tr.px, tr.py, t * tr.keypoints, tr.invArea[t], kappa);
        }
        return oks(poses, p, keys, tr.px, tr.py, tr.has, t * tr.keypoints, tr.invArea[t], kappa);
    }

    /** OKS of detection p against track t's last observed pose (OC-SORT's observation-centric recovery). */
    static float oksLastSeen(Poses poses, int p, TrackTable tr, int t, float[] kappa) {
        float size = tr.lastSize[t];
        float area = Math.max(1f, 0.5f * size * size);
        float sum = 0;
        int shared = 0;
        float inv = 1f / area;
        for (int j = 0; j < poses.keypointCount(); j++) {
            if (tr.has[t * tr.keypoints + j] && poses.present(p, j)) {
                float dx = poses.x(p, j) - tr.lastX(t, j);
                float dy = poses.y(p, j) - tr.lastY(t, j);
                sum += expNeg((dx * dx + dy * dy) * inv * kappa[j]);
                shared++;
            }
        }
        return shared == 0 ? 0f : sum / shared;
    }

    /** OKS of keypoint j of detection p against the point (x, y) at scale area. */
    static double one(Poses poses, int p, int j, float x, float y, float area, float[] kappa) {
        float dx = poses.x(p, j) - x;
        float dy = poses.y(p, j) - y;
        return expNeg((dx * dx + dy * dy) * kappa[j] / area);
    }

    /**
     * A cheap pre-test for {@link #one}: true when its exponent is surely at most maxArg (so the keypoint's
     * OKS is at least about exp(-maxArg)), found without the division and the table. False says nothing.
     */
    static boolean surelyAbove(Poses poses, int p, int j, float x, float y, float area, float[] kappa, float maxArg) {
        float dx = poses.x(p, j) - x;
        float dy = poses.y(p, j) - y;
        return (dx * dx + dy * dy) * kappa[j] <= maxArg * area;
    }

    /**
     * As {@link #oksLastSeen}'s loop over all keypoints, over the keypoints in shared (bit j: keypoint j present
     * in both) in ascending order, so the same float; no branch per keypoint.
     */
    private static float oks(Poses poses, int p, long shared, float[] xs, float[] ys, int base, float inv,
                             float[] kappa) {
        if (shared == 0L) {
            return 0f;
        }
        float sum = 0;
        int count = Long.bitCount(shared);
        for (long left = shared; left != 0L; left &= left - 1) {
            int j = Long.numberOfTrailingZeros(left);
            float dx = poses.x(p, j) - xs[base + j];
            float dy = poses.y(p, j) - ys[base + j];
            sum += expNeg((dx * dx + dy * dy) * inv * kappa[j]);
        }
        return sum / count;
    }

    /** As {@link #oksLastSeen}'s loop, over p's listed present keypoints only, in the same order: the same float. */
    private static float oks(Poses poses, int p, DetectionKeys keys, float[] xs, float[] ys, boolean[] has, int base,
                             float inv, float[] kappa) {
        float sum = 0;
        int shared = 0;
        for (int i = 0, c = keys.count(p); i < c; i++) {
            int j = keys.key(p, i);
            if (has[base + j]) {
                float dx = poses.x(p, j) - xs[base + j];
                float dy = poses.y(p, j) - ys[base + j];
                sum += expNeg((dx * dx + dy * dy) * inv * kappa[j]);
                shared++;
            }
        }
        return shared == 0 ? 0f : sum / shared;
    }

    private static final int EXP_STEPS = 64;
    private static final float EXP_RANGE = 16f;
    private static final float[] EXP = new float[(int) (EXP_RANGE * EXP_STEPS) + 2];

    static {
        for (int i = 0; i < EXP.length; i++) {
            EXP[i] = (float) Math.exp(-i / (double) EXP_STEPS);
        }
    }

    /** exp(-x) for x &ge; 0 from a table with linear interpolation (error below 1e-4), 0 beyond 16. */
    static float expNeg(float x) {
        if (!(x < EXP_RANGE)) {
            return 0f;
        }
        float f = x * EXP_STEPS;
        int i = (int) f;
        float r = f - i;
        return EXP[i] + r * (EXP[i + 1] - EXP[i]);
    }

    /**
     * {@link Math#min(float, float)} but for the sign of a zero result (nothing here divides by a box's
     * coordinates or publishes them, so the sign of a zero never shows): a compare and a move, where
     * Math.min's handling of signed zeros is a longer chain that every box's running minimum waits on.
     */
    static float min(float a, float b) {
        return a <= b || a != a ? a : b;
    }

    /** {@link Math#max(float, float)} but for the sign of a zero result; see {@link #min}. */
    static float max(float a, float b) {
        return a >= b || a != a ? a : b;
    }

    /** IoU of two boxes {minX, minY, maxX, maxY}; degenerate boxes are widened by one pixel. */
    static float iou(float[] a, int ai, float[] b, int bi) {
        float aw = max(1f, a[ai + 2] - a[ai]);
        float ah = max(1f, a[ai + 3] - a[ai + 1]);
        float bw = max(1f, b[bi + 2] - b[bi]);
        float bh = max(1f, b[bi + 3] - b[bi + 1]);
        float iw = min(a[ai] + aw, b[bi] + bw) - max(a[ai], b[bi]);
        float ih = min(a[ai + 1] + ah, b[bi + 1] + bh) - max(a[ai + 1], b[bi + 1]);
        if (iw <= 0 || ih <= 0) {
            return 0f;
        }
        float inter = iw * ih;
        return inter / (aw * ah + bw * bh - inter);
    }

    /**
     * Cheap pre-test: whether detection p's box comes within 0.3 of the track's size of track t's predicted
     * box. Pairs that do not have negligible OKS, IoU and coverage, so their exponentials are skipped.
     */
    static boolean near(float[] boxes, int p, TrackTable tr, int t) {
        return boxes[4 * p] <= tr.reach[4 * t + 2] && boxes[4 * p + 2] >= tr.reach[4 * t]
                && boxes[4 * p + 1] <= tr.reach[4 * t + 3] && boxes[4 * p + 3] >= tr.reach[4 * t + 1];
    }

    /**
     * {@link #coverage(Poses, int, TrackTable, int)} over detection p's present keypoints as listed in keys
     * (valid while the detections are unchanged): the same two counts, so the same float, without a branch
     * per absent keypoint.
     */
    static float coverage(Poses poses, int p, DetectionKeys keys, TrackTable tr, int t) {
        int n = keys.count(p);
        if (n == 0) {
            return 0f;
        }
        float minX = tr.cover[4 * t];
        float minY = tr.cover[4 * t + 1];
        float maxX = tr.cover[4 * t + 2];
        float maxY = tr.cover[4 * t + 3];
        int in = 0;
        for (int i = 0; i < n; i++) {
            int j = keys.key(p, i);
            float x = poses.x(p, j);
            float y = poses.y(p, j);
            in += x >= minX && x <= maxX && y >= minY && y <= maxY ? 1 : 0;
        }
        return in / (float) n;
    }

    /** Share of detection p's keypoints inside track t's predicted box grown by 15 % of its size. */
    static float coverage(Poses poses, int p, TrackTable tr, int t) {
        float minX = tr.cover[4 * t];
        float minY = tr.cover[4 * t + 1];
        float maxX = tr.cover[4 * t + 2];
        float maxY = tr.cover[4 * t + 3];
        int in = 0;
        int n = 0;
        for (int j = 0; j < poses.keypointCount(); j++) {
            if (poses.present(p, j)) {
                n++;
                float x = poses.x(p, j);
                float y = poses.y(p, j);
                if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
                    in++;
                }
            }
        }
        return n == 0 ? 0f : in / (float) n;
    }
}
