package io.posegate.grouping.embedding;

import java.util.Arrays;

/**
 * The people being grouped: per person its joints (x, y, score, tag), its mean tag (float, as NumPy's
 * float32) and its centre (double, as NumPy's float64), updated as Open Model Zoo's {@code Pose.add} does.
 * Fixed capacity; one thread at a time.
 */
final class PoseTable {
    final float[] x;
    final float[] y;
    final float[] val;
    final float[] tag;
    final float[] poseTag;
    final double[] cx;
    final double[] cy;
    final int[] count;
    private final int keypoints;
    private int size;

    PoseTable(int keypoints, int capacity) {
        this.keypoints = keypoints;
        x = new float[keypoints * capacity];
        y = new float[keypoints * capacity];
        val = new float[keypoints * capacity];
        tag = new float[keypoints * capacity];
        poseTag = new float[capacity];
        cx = new double[capacity];
        cy = new double[capacity];
        count = new int[capacity];
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    int capacity() {
        return poseTag.length;
    }

    /** A new person holding only this joint; false when full. */
    boolean create(int k, int jx, int jy, float score, float jointTag) {
        if (size == poseTag.length) {
            return false;
        }
        int p = size++;
        Arrays.fill(x, p * keypoints, (p + 1) * keypoints, 0f);
        Arrays.fill(y, p * keypoints, (p + 1) * keypoints, 0f);
        Arrays.fill(val, p * keypoints, (p + 1) * keypoints, 0f);
        Arrays.fill(tag, p * keypoints, (p + 1) * keypoints, 0f);
        poseTag[p] = 0f;
        cx[p] = 0;
        cy[p] = 0;
        count[p] = 0;
        add(p, k, jx, jy, score, jointTag);
        return true;
    }

    void add(int p, int k, int jx, int jy, float score, float jointTag) {
        int i = p * keypoints + k;
        x[i] = jx;
        y[i] = jy;
        val[i] = score;
        tag[i] = jointTag;
        int n = count[p];
        cx[p] = (cx[p] * n + jx) / (n + 1);
        cy[p] = (cy[p] * n + jy) / (n + 1);
        poseTag[p] = (poseTag[p] * n + jointTag) / (n + 1);
        count[p] = n + 1;
    }
}
