package io.posegate.grouping.trtpose;

/**
 * The cost-matrix arithmetic of {@link Munkres}'s steps, in place on an {@code nrows x ncols} matrix with row
 * stride {@code stride}, in trt_pose's loop order (so float results match it bit for bit). The star, prime
 * and cover bookkeeping stays in {@link Munkres}. No allocation.
 */
final class CostReductions {
    private CostReductions() {
    }

    /** Subtracts each row's minimum from that row. */
    static void subtractRowMinima(float[] cost, int stride, int nrows, int ncols) {
        for (int i = 0; i < nrows; i++) {
            int row = i * stride;
            float min = cost[row];
            for (int j = 0; j < ncols; j++) {
                if (cost[row + j] < min) {
                    min = cost[row + j];
                }
            }
            for (int j = 0; j < ncols; j++) {
                cost[row + j] -= min;
            }
        }
    }

    /** Subtracts each column's minimum from that column. */
    static void subtractColumnMinima(float[] cost, int stride, int nrows, int ncols) {
        for (int j = 0; j < ncols; j++) {
            float min = cost[j];
            for (int i = 0; i < nrows; i++) {
                if (cost[i * stride + j] < min) {
                    min = cost[i * stride + j];
                }
            }
            for (int i = 0; i < nrows; i++) {
                cost[i * stride + j] -= min;
            }
        }
    }

    /** Adds the smallest uncovered cost to every covered row and subtracts it from every uncovered column. */
    static void shiftByUncoveredMinimum(float[] cost, int stride, int nrows, int ncols, boolean[] rowCovered,
            boolean[] colCovered) {
        boolean found = false;
        float min = 0f;
        for (int i = 0; i < nrows; i++) {
            if (rowCovered[i]) {
                continue;
            }
            for (int j = 0; j < ncols; j++) {
                if (!colCovered[j] && (!found || cost[i * stride + j] < min)) {
                    min = cost[i * stride + j];
                    found = true;
                }
            }
        }
        for (int i = 0; i < nrows; i++) {
            if (rowCovered[i]) {
                for (int j = 0; j < ncols; j++) {
                    cost[i * stride + j] += min;
                }
            }
        }
        for (int j = 0; j < ncols; j++) {
            if (!colCovered[j]) {
                for (int i = 0; i < nrows; i++) {
                    cost[i * stride + j] -= min;
                }
            }
        }
    }
}
