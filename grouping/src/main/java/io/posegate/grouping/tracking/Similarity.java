package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * How much a detection looks like a track, by keypoints: COCO Object Keypoint Similarity against the track's
 * predicted (or last observed) pose with the track's own box as scale, so a partial detection is judged at
 * the whole person's size (box IoU and coverage are {@link BoxSimilarity}'s). Keypoint constants come as kappa[j] = 1 / (8 sigma_j^2) (see {@link #kappa}), so
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
    /**
     * EXP[i + 1] - EXP[i], the float the interpolation used to compute per call: one load instead of a load and
     * a subtraction in the OKS loops.
     */
    private static final float[] EXP_STEP = new float[EXP.length - 1];

    static {
        for (int i = 0; i < EXP.length; i++) {
            EXP[i] = (float) Math.exp(-i / (double) EXP_STEPS);
        }
        for (int i = 0; i < EXP_STEP.length; i++) {
            EXP_STEP[i] = EXP[i + 1] - EXP[i];
        }
    }

    /** exp(-x) for x &ge; 0 from a table with linear interpolation (error below 1e-4), 0 beyond 16 and for NaN. */
    static float expNeg(float x) {
        if (!(x < EXP_RANGE)) {
            return 0f;
        }
        float f = x * EXP_STEPS;
        int i = (int) f;
        float r = f - i;
        return EXP[i] + r * EXP_STEP[i];
    }
}
