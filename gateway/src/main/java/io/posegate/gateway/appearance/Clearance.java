package io.posegate.gateway.appearance;

import io.posegate.grouping.Poses;

/**
 * The clearance test of {@link LimbColours}: which of a limb's sample points lie strictly within a radius of
 * a present keypoint of anyone in the frame whose box (widened by the radius) holds the point. Gathers the
 * frame's present keypoints and boxes once ({@link #gather}); then, per limb, a keypoint is tried against the
 * samples (with the straightforward test's own float arithmetic) only if it lies within the radius plus a
 * slack of the segment that holds the samples (people whose box misses the samples' window are passed over;
 * then a keypoint must lie in the circle round the segment, one test, and within reach of the segment, in
 * double); the slack is far above any float rounding, so the answer is exactly the per-sample,
 * per-keypoint test's (checked against it on random scenes by {@code LimbColoursMatchStraightComputationTest})
 * at a fraction of its cost. Allocates only when the frame holds more people than ever before. Not thread-safe.
 */
final class Clearance {
    private float[] box = new float[0];
    private float[] kx = new float[0];
    private float[] ky = new float[0];
    private int[] first = new int[1];
    private int people;
    // the samples' segment (start, direction) and reach, for withinReach
    private double sx;
    private double sy;
    private double ux;
    private double uy;
    private double inverseLength2;
    private double reach2;

    /** Takes the present keypoints and the box (min x, min y, max x, max y) of each person of {@code poses}. */
    void gather(Poses poses) {
        int n = poses.count();
        int k = poses.keypointCount();
        if (first.length < n + 1) {
            box = new float[4 * poses.capacity()];
            kx = new float[k * poses.capacity()];
            ky = new float[k * poses.capacity()];
            first = new int[poses.capacity() + 1];
        }
        int j = 0;
        for (int p = 0; p < n; p++) {
            first[p] = j;
            float minX = Float.MAX_VALUE;
            float minY = Float.MAX_VALUE;
            float maxX = -Float.MAX_VALUE;
            float maxY = -Float.MAX_VALUE;
            for (int i = 0; i < k; i++) {
                if (poses.present(p, i)) {
                    kx[j] = poses.x(p, i);
                    ky[j] = poses.y(p, i);
                    minX = Math.min(minX, kx[j]);
                    maxX = Math.max(maxX, kx[j]);
                    minY = Math.min(minY, ky[j]);
                    maxY = Math.max(maxY, ky[j]);
                    j++;
                }
            }
            box[4 * p] = minX;
            box[4 * p + 1] = minY;
            box[4 * p + 2] = maxX;
            box[4 * p + 3] = maxY;
        }
        first[n] = j;
        people = n;
    }

    /**
     * Bit s of the result is set when sample s ({@code xs[s]}, {@code ys[s]}, s < n) is skipped: already set in
     * {@code skipped}, or within {@code r} of a keypoint as the class describes. Stops early once more than
     * {@code maxSkipped} samples are skipped (the limb then has no colour whichever others are).
     */
    int skipped(float[] xs, float[] ys, int n, float r, int skipped, int maxSkipped) {
        float r2 = r * r;
        if (!(r2 > 0)) {
            return skipped; // no distance is below 0 (nor below NaN)
        }
        float lox = xs[0];
        float hix = xs[0];
        float loy = ys[0];
        float hiy = ys[0];
        for (int s = 1; s < n; s++) {
            lox = Math.min(lox, xs[s]);
            hix = Math.max(hix, xs[s]);
            loy = Math.min(loy, ys[s]);
            hiy = Math.max(hiy, ys[s]);
        }
        // the exact test finds a keypoint near only within r (1 + 2^-21) of a sample, and the samples lie on the
        // segment from the first to the last within float rounding of their coordinates: both far below the slack
        float slack = 1e-5f * (Math.abs(lox) + Math.abs(hix) + Math.abs(loy) + Math.abs(hiy) + r) + 1e-3f;
        float reach = r + slack;
        lox -= reach;
        hix += reach;
        loy -= reach;
        hiy += reach;
        segment(xs[0], ys[0], xs[n - 1], ys[n - 1], reach);
        float cx = (xs[0] + xs[n - 1]) * 0.5f;
        float cy = (ys[0] + ys[n - 1]) * 0.5f;
        // every sample lies within half the segment of its middle; the factor covers the float rounding below
        float circle = (0.5f * (float) Math.sqrt(ux * ux + uy * uy) + reach) * 1.0001f + 1e-3f;
        float circle2 = circle * circle;
        int all = (1 << n) - 1;
        for (int q = 0; q < people; q++) {
            if (box[4 * q] > hix | box[4 * q + 2] < lox | box[4 * q + 1] > hiy | box[4 * q + 3] < loy) {
                continue;
            }
            for (int j = first[q]; j < first[q + 1]; j++) {
                float ex = kx[j] - cx;
                float ey = ky[j] - cy;
                if (ex * ex + ey * ey > circle2 || !withinReach(kx[j], ky[j])) {
                    continue;
                }
                skipped = near(xs, ys, n, r, r2, q, j, skipped);
                if (skipped == all || Integer.bitCount(skipped) > maxSkipped) {
                    return skipped;
                }
            }
        }
        return skipped;
    }

    /** The samples' segment, for {@link #withinReach}. */
    private void segment(float x0, float y0, float x1, float y1, float reach) {
        sx = x0;
        sy = y0;
        ux = (double) x1 - x0;
        uy = (double) y1 - y0;
        double length2 = ux * ux + uy * uy;
        inverseLength2 = length2 > 0 ? 1 / length2 : 0;
        reach2 = (double) reach * reach;
    }

    /** Whether (x, y) is within the reach of the samples' segment (in double: far finer than the slack). */
    private boolean withinReach(float x, float y) {
        double px = x - sx;
        double py = y - sy;
        double t = Math.max(0, Math.min(1, (px * ux + py * uy) * inverseLength2));
        double ex = px - t * ux;
        double ey = py - t * uy;
        return !(ex * ex + ey * ey > reach2);
    }

    /** Adds the samples not yet skipped that keypoint j of person q is near, with the straight test's exact arithmetic. */
    private int near(float[] xs, float[] ys, int n, float r, float r2, int q, int j, int skipped) {
        for (int s = 0; s < n; s++) {
            if ((skipped & (1 << s)) != 0) {
                continue;
            }
            float x = xs[s];
            float y = ys[s];
            if (x < box[4 * q] - r || x > box[4 * q + 2] + r || y < box[4 * q + 1] - r || y > box[4 * q + 3] + r) {
                continue;
            }
            float ex = kx[j] - x;
            float ey = ky[j] - y;
            if (ex * ex + ey * ey < r2) {
                skipped |= 1 << s;
            }
        }
        return skipped;
    }
}
