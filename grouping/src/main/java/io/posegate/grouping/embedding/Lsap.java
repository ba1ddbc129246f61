package io.posegate.grouping.embedding;

import java.util.Arrays;

/**
 * Minimum-cost assignment of every row of a rows x cols cost matrix (rows &le; cols) to a distinct column,
 * by shortest augmenting paths as SciPy's {@code linear_sum_assignment} solves it (Crouse 2016), including
 * its tie rules (prefer an unassigned column among equally short paths; columns scanned from the last),
 * so ties resolve as they do there. Reuses its arrays; one thread at a time.
 */
final class Lsap {
    private double[] u = new double[0];
    private double[] v = new double[0];
    private double[] shortest = new double[0];
    private int[] path = new int[0];
    private int[] col4row = new int[0];
    private int[] row4col = new int[0];
    private int[] remaining = new int[0];
    private boolean[] sr = new boolean[0];
    private boolean[] sc = new boolean[0];

    /**
     * Solves and returns the column of each row in {@link #columnOf}. {@code cost[i * cols + j]}.
     *
     * @throws IllegalArgumentException if rows &gt; cols or no finite assignment exists
     */
    void solve(double[] cost, int rows, int cols) {
        if (rows > cols) {
            throw new IllegalArgumentException("assignment needs rows <= cols, got " + rows + "x" + cols);
        }
        grow(rows, cols);
        Arrays.fill(u, 0, rows, 0);
        Arrays.fill(v, 0, cols, 0);
        Arrays.fill(path, 0, cols, -1);
        Arrays.fill(col4row, 0, rows, -1);
        Arrays.fill(row4col, 0, cols, -1);
        for (int cur = 0; cur < rows; cur++) {
            int sink = augment(cost, rows, cols, cur);
            if (sink < 0) {
                throw new IllegalArgumentException("cost matrix has no finite assignment");
            }
            double minVal = lastMin;
            u[cur] += minVal;
            for (int i = 0; i < rows; i++) {
                if (sr[i] && i != cur) {
                    u[i] += minVal - shortest[col4row[i]];
                }
            }
            for (int j = 0; j < cols; j++) {
                if (sc[j]) {
                    v[j] -= minVal - shortest[j];
                }
            }
            int j = sink;
            while (true) {
                int i = path[j];
                row4col[j] = i;
                int swap = col4row[i];
                col4row[i] = j;
                j = swap;
                if (i == cur) {
                    break;
                }
            }
        }
    }

    int columnOf(int row) {
        return col4row[row];
    }

    private double lastMin;

    private int augment(double[] cost, int rows, int cols, int cur) {
        double minVal = 0;
        int left = cols;
        for (int it = 0; it < cols; it++) {
            remaining[it] = cols - it - 1;
        }
        Arrays.fill(sr, 0, rows, false);
        Arrays.fill(sc, 0, cols, false);
        Arrays.fill(shortest, 0, cols, Double.POSITIVE_INFINITY);
        int sink = -1;
        int i = cur;
        while (sink == -1) {
            int index = -1;
            double lowest = Double.POSITIVE_INFINITY;
            sr[i] = true;
            for (int it = 0; it < left; it++) {
                int j = remaining[it];
                double r = minVal + cost[i * cols + j] - u[i] - v[j];
                if (r < shortest[j]) {
                    path[j] = i;
                    shortest[j] = r;
                }
                if (shortest[j] < lowest || (shortest[j] == lowest && row4col[j] == -1)) {
                    lowest = shortest[j];
                    index = it;
                }
            }
            minVal = lowest;
            if (minVal == Double.POSITIVE_INFINITY) {
                return -1;
            }
            int j = remaining[index];
            if (row4col[j] == -1) {
                sink = j;
            } else {
                i = row4col[j];
            }
            sc[j] = true;
            remaining[index] = remaining[--left];
        }
        lastMin = minVal;
        return sink;
    }

    private void grow(int rows, int cols) {
        if (u.length < rows) {
            u = new double[rows];
            col4row = new int[rows];
            sr = new boolean[rows];
        }
        if (v.length < cols) {
            v = new double[cols];
            shortest = new double[cols];
            path = new int[cols];
            row4col = new int[cols];
            remaining = new int[cols];
            sc = new boolean[cols];
        }
    }
}
