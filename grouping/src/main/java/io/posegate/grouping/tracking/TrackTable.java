package io.posegate.grouping.tracking;

/**
 * Tracks in flat arrays: state, id, norfair-style hit counter, misses, last observation time, frames
 * since the last clean (unambiguous) observation and its time, the pose
 * template (each keypoint's offset from the anchor point in units of the person's size), the last observed
 * pose, and this frame's predicted pose and box. The motion state lives in {@link MotionModel}.
 */
final class TrackTable {
    static final byte TENTATIVE = 0;
    static final byte CONFIRMED = 1;
    static final byte LOST = 2;
    final int keypoints;
    final int capacity;
    final byte[] state;
    final int[] ids;
    final int[] hits;
    final int[] missed;
    final long[] lastSeen;
    final int[] coasted;
    final long[] lastClean;
    final float[] ox;
    final float[] oy;
    final boolean[] has;
    /** has of track t as bits (bit j: keypoint j), as of its last {@link #project}; up to 64 keypoints. */
    final long[] hasMask;
    /**
     * Anchor x, y and size of track t's last observed pose at [3t]: that pose is the template projected
     * there ({@link #lastX}), computed only when asked for (the observation-centric recovery), not per frame.
     */
    final double[] lastAnchor;
    final float[] lastSize;
    /** This frame's predicted pose, NaN where the track lacks the keypoint (so {@link OksMatrix}'s terms there are 0). */
    final float[] px;
    final float[] py;
    final float[] box;
    /** The predicted box grown by 0.3 of its larger side on every side: the reach of {@link BoxSimilarity#near}. */
    final float[] reach;
    /** The predicted box grown by 0.15 of its larger side: what {@link BoxSimilarity#coverage} counts as inside. */
    final float[] cover;
    /** 1 / {@link #area} of the predicted box, as of its last {@link #project} (the OKS matrix's scale, once per track). */
    final float[] invArea;
    int size;

    TrackTable(int keypoints, int capacity) {
        this.keypoints = keypoints;
        this.capacity = capacity;
        state = new byte[capacity];
        ids = new int[capacity];
        hits = new int[capacity];
        missed = new int[capacity];
        lastSeen = new long[capacity];
        coasted = new int[capacity];
        lastClean = new long[capacity];
        ox = new float[capacity * keypoints];
        oy = new float[capacity * keypoints];
        has = new boolean[capacity * keypoints];
        hasMask = new long[capacity];
        lastAnchor = new double[capacity * 3];
        lastSize = new float[capacity];
        px = new float[capacity * keypoints];
        py = new float[capacity * keypoints];
        box = new float[capacity * 4];
        reach = new float[capacity * 4];
        cover = new float[capacity * 4];
        invArea = new float[capacity];
    }

    /** True for tracks that have been confirmed (whether matched this frame or lost). */
    boolean established(int t) {
        return state[t] != TENTATIVE;
    }

    /** Predicts track t's pose from its template at anchor (cx, cy) and size s (NaN where it lacks a keypoint), and its box. */
    void project(int t, double cx, double cy, double s) {
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        long mask = 0L;
        for (int i = t * keypoints; i < (t + 1) * keypoints; i++) {
            if (has[i]) {
                mask |= 1L << (i - t * keypoints);
                float x = (float) (cx + ox[i] * s);
                float y = (float) (cy + oy[i] * s);
                px[i] = x;
                py[i] = y;
                minX = BoxSimilarity.min(minX, x);
                maxX = BoxSimilarity.max(maxX, x);
                minY = BoxSimilarity.min(minY, y);
                maxY = BoxSimilarity.max(maxY, y);
            } else {
                px[i] = Float.NaN;
                py[i] = Float.NaN;
            }
        }
        hasMask[t] = mask;
        box[4 * t] = minX;
        box[4 * t + 1] = minY;
        box[4 * t + 2] = maxX;
        box[4 * t + 3] = maxY;
        invArea[t] = 1f / area(t);
        float m = 0.3f * Math.max(maxX - minX, maxY - minY);
        reach[4 * t] = minX - m;
        reach[4 * t + 1] = minY - m;
        reach[4 * t + 2] = maxX + m;
        reach[4 * t + 3] = maxY + m;
        float c = 0.15f * Math.max(maxX - minX, maxY - minY);
        cover[4 * t] = minX - c;
        cover[4 * t + 1] = minY - c;
        cover[4 * t + 2] = maxX + c;
        cover[4 * t + 3] = maxY + c;
    }

    /**
     * Records track t's last observed pose: its template at anchor (cx, cy) and size s. The template only
     * changes where this is called again after it (a matched track's refresh, a new track), so
     * {@link #lastX}/{@link #lastY} give what projecting the template then would have given, to the bit.
     */
    void projectLast(int t, double cx, double cy, double s) {
        lastAnchor[3 * t] = cx;
        lastAnchor[3 * t + 1] = cy;
        lastAnchor[3 * t + 2] = s;
    }

    /** x of keypoint j in track t's last observed pose (meaningful where the track has the keypoint). */
    float lastX(int t, int j) {
        return (float) (lastAnchor[3 * t] + ox[t * keypoints + j] * lastAnchor[3 * t + 2]);
    }

    /** y of keypoint j in track t's last observed pose (meaningful where the track has the keypoint). */
    float lastY(int t, int j) {
        return (float) (lastAnchor[3 * t + 1] + oy[t * keypoints + j] * lastAnchor[3 * t + 2]);
    }

    /** The predicted box's area, at least 1. */
    float area(int t) {
        return Math.max(1f, (box[4 * t + 2] - box[4 * t]) * (box[4 * t + 3] - box[4 * t + 1]));
    }

    /** The index with the oldest observation among lost tracks, or -1. */
    int longestLost() {
        int best = -1;
        for (int t = 0; t < size; t++) {
            if (state[t] == LOST && (best < 0 || lastSeen[t] < lastSeen[best])) {
                best = t;
            }
        }
        return best;
    }

    /** Copies track from into slot to (for swap-removal). */
    void move(int from, int to) {
        state[to] = state[from];
        ids[to] = ids[from];
        hits[to] = hits[from];
        missed[to] = missed[from];
        lastSeen[to] = lastSeen[from];
        coasted[to] = coasted[from];
        lastClean[to] = lastClean[from];
        lastSize[to] = lastSize[from];
        int k = keypoints;
        System.arraycopy(ox, from * k, ox, to * k, k);
        System.arraycopy(oy, from * k, oy, to * k, k);
        System.arraycopy(has, from * k, has, to * k, k);
        System.arraycopy(lastAnchor, from * 3, lastAnchor, to * 3, 3);
        System.arraycopy(px, from * k, px, to * k, k);
        System.arraycopy(py, from * k, py, to * k, k);
        System.arraycopy(box, from * 4, box, to * 4, 4);
        hasMask[to] = hasMask[from];
        invArea[to] = invArea[from];
        System.arraycopy(reach, from * 4, reach, to * 4, 4);
        System.arraycopy(cover, from * 4, cover, to * 4, 4);
    }
}
