package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * The box side of how much a detection looks like a track ({@link Similarity} has the keypoint side): box
 * IoU, the cheap "near" pre-test that spares far pairs their exponentials, and box coverage (the share of the
 * detection's keypoints inside the track's predicted box), with a min and max that skip the sign of zero.
 * Boxes are {minX, minY, maxX, maxY}. Stateless.
 */
final class BoxSimilarity {
    private BoxSimilarity() {
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
