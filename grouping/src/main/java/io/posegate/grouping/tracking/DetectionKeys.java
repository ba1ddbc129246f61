package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * Each detection's present keypoints as an ascending list, and its keypoint box, built in one pass per
 * frame, so that the similarity
 * of a detection to many tracks loops over its keypoints only, without a branch per absent keypoint that
 * the processor cannot predict. Valid until the frame's detections are changed (the keypoint owners'
 * reassignment and fragment merges change them). Grows with the frame's capacity; allocates nothing in
 * steady state. Not thread-safe.
 */
final class DetectionKeys {
    private final int keypoints;
    private int[] keys = new int[0];
    private int[] counts = new int[0];
    private long[] masks = new long[0];

    DetectionKeys(int keypoints) {
        this.keypoints = keypoints;
    }

    /**
     * Lists the present keypoints of detections 0..n-1 and writes each one's keypoint box
     * {minX, minY, maxX, maxY} at boxes[4p].
     */
    void index(Poses poses, int n, float[] boxes) {
        if (counts.length < poses.capacity()) {
            keys = new int[poses.capacity() * keypoints];
            counts = new int[poses.capacity()];
            masks = new long[poses.capacity()];
        }
        for (int p = 0; p < n; p++) {
            int c = 0;
            long mask = 0L;
            int base = p * keypoints;
            float minX = Float.MAX_VALUE;
            float minY = Float.MAX_VALUE;
            float maxX = -Float.MAX_VALUE;
            float maxY = -Float.MAX_VALUE;
            for (int j = 0; j < keypoints; j++) {
                if (poses.present(p, j)) {
                    keys[base + c++] = j;
                    mask |= 1L << j;
                    float x = poses.x(p, j);
                    float y = poses.y(p, j);
                    minX = BoxSimilarity.min(minX, x);
                    maxX = BoxSimilarity.max(maxX, x);
                    minY = BoxSimilarity.min(minY, y);
                    maxY = BoxSimilarity.max(maxY, y);
                }
            }
            counts[p] = c;
            masks[p] = mask;
            boxes[4 * p] = minX;
            boxes[4 * p + 1] = minY;
            boxes[4 * p + 2] = maxX;
            boxes[4 * p + 3] = maxY;
        }
    }

    /** Present keypoints of detection p. */
    int count(int p) {
        return counts[p];
    }

    /** The i-th present keypoint of detection p, ascending in i. */
    int key(int p, int i) {
        return keys[p * keypoints + i];
    }

    /** Detection p's present keypoints as bits (bit j for keypoint j); meaningful for up to 64 keypoints. */
    long mask(int p) {
        return masks[p];
    }
}
