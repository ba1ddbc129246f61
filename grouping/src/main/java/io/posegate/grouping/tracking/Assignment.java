package io.posegate.grouping.tracking;

import io.posegate.grouping.trtpose.Munkres;

/**
 * Optimal one-to-one assignment of detections to tracks over a similarity matrix, with the module's
 * Hungarian solver (trt_pose's Munkres) on cost 1 - similarity; pairs below the gate cost more than any
 * admissible pair and are refused after solving. Reuses its arrays; allocates nothing per call.
 */
final class Assignment {
    private static final float REFUSED = 2f;
    private final Munkres munkres;
    private final float[] cost;
    private final int stride;
    private final int[] onlyCol;
    private final boolean[] colUsed;

    Assignment(int maxDetections, int maxTracks) {
        this.stride = maxTracks;
        this.munkres = new Munkres(Math.max(maxDetections, maxTracks));
        this.cost = new float[maxDetections * maxTracks];
        this.onlyCol = new int[maxDetections];
        this.colUsed = new boolean[maxTracks];
    }

    /**
     * @param sim     similarity of row i and column j at {@code sim[i * stride + j]}, stride = maxTracks
     * @param rows    detection index of each row
     * @param cols    track index of each column
     * @param detTrack out: for each assigned detection, its track (other entries untouched)
     * @param trackDet out: for each assigned track, its detection
     * @return pairs assigned
     */
    int solve(float[] sim, int[] rows, int nRows, int[] cols, int nCols, float gate, int[] detTrack, int[] trackDet) {
        if (nRows == 0 || nCols == 0) {
            return 0;
        }
        if (unique(sim, nRows, nCols, gate)) {
            int pairs = 0;
            for (int i = 0; i < nRows; i++) {
                int j = onlyCol[i];
                if (j >= 0) {
                    detTrack[rows[i]] = cols[j];
                    trackDet[cols[j]] = rows[i];
                    pairs++;
                }
            }
            return pairs;
        }
        for (int i = 0; i < nRows; i++) {
            for (int j = 0; j < nCols; j++) {
                float s = sim[i * stride + j];
                cost[i * stride + j] = s >= gate ? 1f - s : REFUSED;
            }
        }
        munkres.solve(cost, stride, nRows, nCols);
        int pairs = 0;
        for (int i = 0; i < nRows; i++) {
            int j = munkres.starColumn(i);
            if (j >= 0 && sim[i * stride + j] >= gate) {
                detTrack[rows[i]] = cols[j];
                trackDet[cols[j]] = rows[i];
                pairs++;
            }
        }
        return pairs;
    }

    /**
     * True when no row and no column has more than one admissible partner: then those pairs are the
     * optimal assignment and the solver is not needed (the common case of people apart from each other,
     * and the case of no admissible pair at all).
     * Leaves each row's partner, or -1, in {@code onlyCol}.
     */
    private boolean unique(float[] sim, int nRows, int nCols, float gate) {
        java.util.Arrays.fill(colUsed, 0, nCols, false);
        for (int i = 0; i < nRows; i++) {
            onlyCol[i] = -1;
            for (int j = 0; j < nCols; j++) {
                if (sim[i * stride + j] >= gate) {
                    if (onlyCol[i] >= 0 || colUsed[j]) {
                        return false;
                    }
                    onlyCol[i] = j;
                    colUsed[j] = true;
                }
            }
        }
        return true;
    }
}
