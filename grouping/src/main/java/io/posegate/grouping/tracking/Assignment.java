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
    /** Tests only: always the solver, the straightforward computation {@link #unique} and {@link #minimaApart} must agree with. */
    boolean straight;
    /**
     * Whether the last {@link #solve} was answered by {@link #unique} or {@link #minimaApart} (which {@link StageOne}
     * relies on: lowering pairs it did not assign, and only those, leaves such an answer as it is).
     */
    boolean shortcut;
    /** Tests only: solves answered by {@link #minimaApart} so far. */
    long apartSolves;

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
        shortcut = true;
        if (nRows == 0 || nCols == 0) {
            return 0;
        }
        if (!straight && unique(sim, nRows, nCols, gate)) {
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
        boolean apart = !straight && minimaApart(nRows, nCols);
        shortcut = apart;
        if (!apart) {
            munkres.solve(cost, stride, nRows, nCols);
        } else {
            apartSolves++;
        }
        int pairs = 0;
        for (int i = 0; i < nRows; i++) {
            int j = apart ? onlyCol[i] : munkres.starColumn(i);
            if (j >= 0 && sim[i * stride + j] >= gate) {
                detTrack[rows[i]] = cols[j];
                trackDet[cols[j]] = rows[i];
                pairs++;
            }
        }
        return pairs;
    }

    /**
     * True when the solver's answer is known from the costs alone, left in {@code onlyCol}: with no more rows than
     * columns, when every row's smallest cost is its only one that small and no two rows have it in the same
     * column (with more rows, the same by columns). The solver then ends at its first check: its reduction
     * leaves one zero per row, in distinct columns (x - x is 0 and x - y is not, for floats; the column
     * reduction of a square matrix then subtracts 0), {@code starZeros} stars them all, and all the columns it
     * must cover are covered. The bench's usual stage 1 at 8 people: every person's own track far ahead, one
     * pair more at the gate.
     */
    private boolean minimaApart(int nRows, int nCols) {
        if (nRows <= nCols) {
            java.util.Arrays.fill(colUsed, 0, nCols, false);
            for (int i = 0; i < nRows; i++) {
                int at = onlyMinimum(i * stride, 1, nCols);
                if (at < 0 || colUsed[at]) {
                    return false;
                }
                colUsed[at] = true;
                onlyCol[i] = at;
            }
            return true;
        }
        java.util.Arrays.fill(onlyCol, 0, nRows, -1);
        for (int j = 0; j < nCols; j++) {
            int at = onlyMinimum(j, stride, nRows);
            if (at < 0 || onlyCol[at] >= 0) {
                return false;
            }
            onlyCol[at] = j;
        }
        return true;
    }

    /** Index (0..n-1) of the smallest of cost[from + k * step], or -1 when another is as small. */
    private int onlyMinimum(int from, int step, int n) {
        float min = cost[from];
        int at = 0;
        boolean tie = false;
        for (int k = 1; k < n; k++) {
            float c = cost[from + k * step];
            if (c < min) {
                min = c;
                at = k;
                tie = false;
            } else if (c == min) {
                tie = true;
            }
        }
        return tie || min == Float.NEGATIVE_INFINITY ? -1 : at; // -inf - -inf is no zero
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
