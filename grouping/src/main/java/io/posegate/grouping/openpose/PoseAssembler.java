package io.posegate.grouping.openpose;

import java.util.Arrays;

/**
 * OpenPoseDecoder's update_poses over reusable pose entries: each connection (A, B, score) extends the
 * last entry holding A or B, starts a new entry, adds to an entry's score, or merges two disjoint
 * entries, exactly in the decoder's order. An entry's score accumulates keypoint scores and
 * connection scores in float32 (connection scores added in double, as NumPy promotes them).
 */
final class PoseAssembler {
    private final int joints;
    private final int capacity;
    /** keypoints[e * joints + j]: global keypoint id, or -1. */
    final int[] keypoints;
    final float[] scores;
    final int[] counts;
    int size;

    PoseAssembler(int joints, int capacity) {
        this.joints = joints;
        this.capacity = capacity;
        this.keypoints = new int[joints * capacity];
        this.scores = new float[capacity];
        this.counts = new int[capacity];
    }

    void clear() {
        size = 0;
    }

    void connect(int jointA, int jointB, int idA, int idB, double score, float[] keypointScores) {
        int a = -1;
        int b = -1;
        for (int e = 0; e < size; e++) {
            if (keypoints[e * joints + jointA] == idA) {
                a = e;
            }
            if (keypoints[e * joints + jointB] == idB) {
                b = e;
            }
        }
        if (a < 0 && b < 0) {
            if (size == capacity) {
                return;
            }
            int e = size++;
            Arrays.fill(keypoints, e * joints, (e + 1) * joints, -1);
            keypoints[e * joints + jointA] = idA;
            keypoints[e * joints + jointB] = idB;
            counts[e] = 2;
            scores[e] = (float) ((keypointScores[idA] + keypointScores[idB]) + score);
        } else if (a >= 0 && b >= 0 && a != b) {
            if (disjoint(a, b)) {
                merge(a, b, score);
            }
        } else if (a >= 0 && b >= 0) {
            scores[a] = (float) (scores[a] + score);
        } else if (a >= 0) {
            extend(a, jointB, idB, score, keypointScores);
        } else {
            extend(b, jointA, idA, score, keypointScores);
        }
    }

    private void extend(int e, int joint, int id, double score, float[] keypointScores) {
        int at = e * joints + joint;
        if (keypoints[at] < 0) {
            scores[e] += keypointScores[id];
        }
        keypoints[at] = id;
        scores[e] = (float) (scores[e] + score);
        counts[e]++;
    }

    private boolean disjoint(int a, int b) {
        for (int j = 0; j < joints; j++) {
            int ka = keypoints[a * joints + j];
            int kb = keypoints[b * joints + j];
            if (ka != kb && ka >= 0 && kb >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The decoder adds the two id vectors plus one, so a keypoint in both becomes 2 id + 1. */
    private void merge(int a, int b, double score) {
        for (int j = 0; j < joints; j++) {
            keypoints[a * joints + j] += keypoints[b * joints + j] + 1;
        }
        scores[a] = (float) ((scores[a] + scores[b]) + score);
        counts[a] += counts[b];
        int tail = size - b - 1;
        System.arraycopy(keypoints, (b + 1) * joints, keypoints, b * joints, tail * joints);
        System.arraycopy(scores, b + 1, scores, b, tail);
        System.arraycopy(counts, b + 1, counts, b, tail);
        size--;
    }
}
