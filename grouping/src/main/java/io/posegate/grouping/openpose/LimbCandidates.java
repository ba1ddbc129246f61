package io.posegate.grouping.openpose;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * One limb's connections as OpenPoseDecoder picks them: score every (A, B) pair (B-major order), keep
 * the valid ones, and greedily take them by descending score (ties: the later pair first, as a
 * reversed stable argsort gives) while neither end is taken yet.
 */
final class LimbCandidates {
    private final LimbScorer scorer;
    private final int[] pairIndex;
    private final double[] pairScore;
    private final int[] order;
    private final boolean[] usedA;
    private final boolean[] usedB;
    private final int[] chosenA;
    private final int[] chosenB;
    private final double[] chosenScore;

    LimbCandidates(int maxPeaks, LimbScorer scorer) {
        this.scorer = scorer;
        pairIndex = new int[maxPeaks * maxPeaks];
        pairScore = new double[maxPeaks * maxPeaks];
        order = new int[maxPeaks * maxPeaks];
        usedA = new boolean[maxPeaks];
        usedB = new boolean[maxPeaks];
        chosenA = new int[maxPeaks];
        chosenB = new int[maxPeaks];
        chosenScore = new double[maxPeaks];
    }

    /**
     * Selects the limb's connections; returns how many, readable with {@link #idA} etc.
     *
     * @param plane cells per PAF channel (H x W)
     */
    int select(FloatBuffer paf, int fieldX, int fieldY, int w, int plane, KeypointTable kp, int jointA, int jointB) {
        int n = kp.count[jointA];
        int m = kp.count[jointB];
        if (n == 0 || m == 0) {
            return 0;
        }
        int startA = kp.start[jointA];
        int startB = kp.start[jointB];
        int valid = 0;
        for (int b = 0; b < m; b++) {
            float bx = kp.x[startB + b];
            float by = kp.y[startB + b];
            for (int a = 0; a < n; a++) {
                double s = scorer.score(paf, fieldX, fieldY, w, plane, kp.x[startA + a], kp.y[startA + a], bx, by);
                if (!Double.isNaN(s)) {
                    pairIndex[valid] = b * n + a;
                    pairScore[valid] = s;
                    order[valid] = valid;
                    valid++;
                }
            }
        }
        Arrays.fill(usedA, 0, n, false);
        Arrays.fill(usedB, 0, m, false);
        // greedy over the pairs in taken order; after min(n, m) connections every later pair is blocked
        int chosen = 0;
        int limit = Math.min(n, m);
        for (int i = valid / 2 - 1; i >= 0; i--) {
            siftDown(i, valid);
        }
        for (int left = valid; left > 0 && chosen < limit; left--) {
            int v = order[0];
            order[0] = order[left - 1];
            siftDown(0, left - 1);
            int a = pairIndex[v] % n;
            int b = pairIndex[v] / n;
            if (!usedA[a] && !usedB[b]) {
                usedA[a] = true;
                usedB[b] = true;
                chosenA[chosen] = startA + a;
                chosenB[chosen] = startB + b;
                chosenScore[chosen] = pairScore[v];
                chosen++;
            }
        }
        return chosen;
    }

    int idA(int i) {
        return chosenA[i];
    }

    int idB(int i) {
        return chosenB[i];
    }

    double score(int i) {
        return chosenScore[i];
    }

    /** True when valid pair u is taken before v: higher score, or equal score and later pair. */
    private boolean before(int u, int v) {
        return pairScore[u] > pairScore[v] || (pairScore[u] == pairScore[v] && pairIndex[u] > pairIndex[v]);
    }

    /** Heap whose root is the pair taken first. */
    private void siftDown(int i, int n) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && before(order[child + 1], order[child])) {
                child++;
            }
            if (!before(order[child], order[i])) {
                return;
            }
            int t = order[i];
            order[i] = order[child];
            order[child] = t;
            i = child;
        }
    }
}
