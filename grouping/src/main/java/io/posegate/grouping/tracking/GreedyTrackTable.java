package io.posegate.grouping.tracking;

import java.util.Arrays;

/** Live tracks in flat arrays: id, frames missed, last known position of each keypoint. */
final class GreedyTrackTable {
    final int keypoints;
    final int capacity;
    final int[] ids;
    final int[] missed;
    final float[] xs;
    final float[] ys;
    final boolean[] seen;
    int size;

    GreedyTrackTable(int keypoints, int capacity) {
        this.keypoints = keypoints;
        this.capacity = capacity;
        ids = new int[capacity];
        missed = new int[capacity];
        xs = new float[capacity * keypoints];
        ys = new float[capacity * keypoints];
        seen = new boolean[capacity * keypoints];
    }

    void start(int t, int id) {
        ids[t] = id;
        missed[t] = 0;
        Arrays.fill(seen, t * keypoints, (t + 1) * keypoints, false);
    }

    void place(int t, int k, float x, float y) {
        int at = t * keypoints + k;
        xs[at] = x;
        ys[at] = y;
        seen[at] = true;
    }

    /** The track missing longest (missed &gt; 0), or -1 when every track was seen this frame. */
    int longestMissing() {
        int best = -1;
        for (int t = 0; t < size; t++) {
            if (missed[t] > 0 && (best < 0 || missed[t] > missed[best])) {
                best = t;
            }
        }
        return best;
    }

    void removeSwap(int t) {
        int last = --size;
        if (t != last) {
            ids[t] = ids[last];
            missed[t] = missed[last];
            System.arraycopy(xs, last * keypoints, xs, t * keypoints, keypoints);
            System.arraycopy(ys, last * keypoints, ys, t * keypoints, keypoints);
            System.arraycopy(seen, last * keypoints, seen, t * keypoints, keypoints);
        }
    }
}
