package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * Reads a detection as a measurement of a track's anchor point and size: the similarity fit (shift and
 * scale, no rotation) of the track's pose template to the keypoints both have. So a partial detection
 * (an arm, the upper body) measures the whole person's position, and keypoints hidden this frame do not
 * pull the anchor. Stateless; writes {x, y, size or NaN} into an array the caller owns.
 */
final class PoseFit {
    private PoseFit() {
    }

    /**
     * @param predictedSize the track's predicted size, used when the scale cannot be measured
     * @param measureScale  whether the detection may measure the size (a whole detection with 3+ shared keypoints)
     * @param out           {x, y, size}; size is NaN when not measured
     */
    static void measure(Poses poses, int p, TrackTable tr, int t, double predictedSize, boolean measureScale,
                        double[] out) {
        int k = tr.keypoints;
        int n = 0;
        double mdx = 0;
        double mdy = 0;
        double mtx = 0;
        double mty = 0;
        for (int j = 0; j < k; j++) {
            if (tr.has[t * k + j] && poses.present(p, j)) {
                n++;
                mdx += poses.x(p, j);
                mdy += poses.y(p, j);
                mtx += tr.ox[t * k + j];
                mty += tr.oy[t * k + j];
            }
        }
        if (n == 0) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            out[2] = Double.NaN;
            return;
        }
        mdx /= n;
        mdy /= n;
        mtx /= n;
        mty /= n;
        double s = predictedSize;
        out[2] = Double.NaN;
        if (measureScale && n >= 3) {
            double rd = 0;
            double rt = 0;
            for (int j = 0; j < k; j++) {
                if (tr.has[t * k + j] && poses.present(p, j)) {
                    rd += sq(poses.x(p, j) - mdx) + sq(poses.y(p, j) - mdy);
                    rt += sq(tr.ox[t * k + j] - mtx) + sq(tr.oy[t * k + j] - mty);
                }
            }
            if (rt > 1e-6 * n) {
                double measured = Math.sqrt(rd / rt);
                s = Math.max(0.6 * predictedSize, Math.min(1.6 * predictedSize, measured));
                out[2] = s;
            }
        }
        out[0] = mdx - s * mtx;
        out[1] = mdy - s * mty;
    }

    /**
     * Starts track t's template from detection p, anchored at its box centre, size the box's larger side
     * (scratch: 4 floats for {@link #retemplate}'s box).
     */
    static void start(Poses poses, int p, float[] boxes, TrackTable tr, int t, double[] out, float[] scratch) {
        double cx = (boxes[4 * p] + boxes[4 * p + 2]) / 2.0;
        double cy = (boxes[4 * p + 1] + boxes[4 * p + 3]) / 2.0;
        double s = Math.max(1.0, Math.max(boxes[4 * p + 2] - boxes[4 * p], boxes[4 * p + 3] - boxes[4 * p + 1]));
        java.util.Arrays.fill(tr.has, t * tr.keypoints, (t + 1) * tr.keypoints, false);
        retemplate(poses, p, tr, t, cx, cy, s, scratch);
        out[0] = cx;
        out[1] = cy;
        out[2] = s;
    }

    /**
     * Sets the template of every keypoint detection p has, relative to anchor (cx, cy) and size s; returns
     * how many that is (its {@link Poses#presentCount}, counted on the way). Writes the refreshed template's
     * box {minX, minY, maxX, maxY} into {@code box}, found in the same pass by {@link BoxSimilarity#min} and
     * {@link BoxSimilarity#max} from infinities (what {@link TemplateFrame#normalise} decides on).
     */
    static int retemplate(Poses poses, int p, TrackTable tr, int t, double cx, double cy, double s, float[] box) {
        int present = 0;
        float minX = Float.POSITIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < tr.keypoints; j++) {
            int at = t * tr.keypoints + j;
            if (poses.present(p, j)) {
                tr.ox[at] = (float) ((poses.x(p, j) - cx) / s);
                tr.oy[at] = (float) ((poses.y(p, j) - cy) / s);
                tr.has[at] = true;
                present++;
            }
            if (tr.has[at]) {
                minX = BoxSimilarity.min(minX, tr.ox[at]);
                maxX = BoxSimilarity.max(maxX, tr.ox[at]);
                minY = BoxSimilarity.min(minY, tr.oy[at]);
                maxY = BoxSimilarity.max(maxY, tr.oy[at]);
            }
        }
        box[0] = minX;
        box[1] = minY;
        box[2] = maxX;
        box[3] = maxY;
        return present;
    }

    private static double sq(double a) {
        return a * a;
    }
}
