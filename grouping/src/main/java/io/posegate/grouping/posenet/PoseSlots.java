package io.posegate.grouping.posenet;

import io.posegate.grouping.Poses;

/**
 * The poses of one frame, decoded into preallocated slots of 17 keypoints (y, x and score, in cells), and
 * scored as Coral scores them: the mean of the 17 keypoint scores when a pose is decoded, then soft keypoint
 * NMS over the poses kept. One thread at a time; no allocation.
 */
final class PoseSlots {
    private static final int K = PoseTree.KEYPOINTS;
    private final float[] ys;
    private final float[] xs;
    private final float[] scores;
    private final float[] poseScores;
    private final int[] order;

    PoseSlots(int maxPoses) {
        this.ys = new float[maxPoses * K];
        this.xs = new float[maxPoses * K];
        this.scores = new float[maxPoses * K];
        this.poseScores = new float[maxPoses];
        this.order = new int[maxPoses];
    }

    void setKeypoint(int pose, int k, float y, float x, float score) {
        ys[pose * K + k] = y;
        xs[pose * K + k] = x;
        scores[pose * K + k] = score;
    }

    /** Turns the slot's logits into probabilities if asked; its score is the mean of its 17, returned. */
    float scorePose(int pose, boolean logits) {
        float sum = 0f;
        for (int k = 0; k < K; k++) {
            int i = pose * K + k;
            if (logits) {
                scores[i] = Logits.sigmoid(scores[i]);
            }
            sum += scores[i];
        }
        poseScores[pose] = sum / K;
        return poseScores[pose];
    }

    /** Whether keypoint k of one of the first {@code poses} slots lies within the radius of (y, x). */
    boolean nearSameKeypoint(int poses, int k, float y, float x, float squaredRadius) {
        for (int p = 0; p < poses; p++) {
            float dy = ys[p * K + k] - y;
            float dx = xs[p * K + k] - x;
            if (dy * dy + dx * dx <= squaredRadius) {
                return true;
            }
        }
        return false;
    }

    /** Coral's soft keypoint NMS over the first {@code found} slots, then {@link #order} by the new scores. */
    void rescore(int found, float squaredNms) {
        sortByScore(found);
        for (int i = 0; i < found; i++) {
            int pose = order[i];
            float sum = 0f;
            for (int k = 0; k < K; k++) {
                boolean occluded = false;
                for (int j = 0; j < i && !occluded; j++) {
                    int other = order[j];
                    float dy = ys[pose * K + k] - ys[other * K + k];
                    float dx = xs[pose * K + k] - xs[other * K + k];
                    occluded = dy * dy + dx * dx <= squaredNms;
                }
                if (!occluded) {
                    sum += scores[pose * K + k];
                }
            }
            poseScores[pose] = sum / K;
        }
        sortByScore(found);
    }

    /** Adds the first {@code found} slots to {@code out}, best first, until one scores below minScore. */
    void emit(int found, float minScore, Poses out) {
        for (int i = 0; i < found; i++) {
            int pose = order[i];
            if (poseScores[pose] < minScore) {
                break;
            }
            int p = out.add(poseScores[pose]);
            if (p < 0) {
                break;
            }
            for (int k = 0; k < K; k++) {
                out.setKeypoint(p, k, xs[pose * K + k], ys[pose * K + k], scores[pose * K + k]);
            }
        }
    }

    /** {@link #order} = slots by decreasing {@link #poseScores}, ties in slot order. */
    private void sortByScore(int n) {
        for (int i = 0; i < n; i++) {
            int pose = i;
            int j = i;
            while (j > 0 && poseScores[order[j - 1]] < poseScores[pose]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = pose;
        }
    }
}
