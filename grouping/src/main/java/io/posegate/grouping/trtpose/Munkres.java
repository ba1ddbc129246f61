package io.posegate.grouping.trtpose;

import java.util.Arrays;

/**
 * trt_pose's Hungarian (Munkres) assignment over a cost matrix, kept step for step (same zero scan
 * order, same star/prime bookkeeping) so ties resolve exactly as trt_pose resolves them. Works in place
 * on a reusable cost matrix with row stride {@code stride}; allocates nothing after construction. This class
 * keeps the star, prime and cover bookkeeping; the matrix arithmetic is {@link CostReductions}.
 */
public final class Munkres {
    private final int[] starColOfRow;
    private final int[] starRowOfCol;
    private final int[] primeColOfRow;
    private final boolean[] rowCovered;
    private final boolean[] colCovered;
    private int nrows;
    private int ncols;
    private int stride;
    private float[] cost;
    private int pRow;
    private int pCol;

    public Munkres(int maxSize) {
        starColOfRow = new int[maxSize];
        starRowOfCol = new int[maxSize];
        primeColOfRow = new int[maxSize];
        rowCovered = new boolean[maxSize];
        colCovered = new boolean[maxSize];
    }

    /** Solves; afterwards {@link #starColumn(int)} gives each row's assigned column or -1. */
    public void solve(float[] cost, int stride, int nrows, int ncols) {
        this.cost = cost;
        this.stride = stride;
        this.nrows = nrows;
        this.ncols = ncols;
        Arrays.fill(starColOfRow, 0, nrows, -1);
        Arrays.fill(starRowOfCol, 0, ncols, -1);
        clearPrimesAndCovers();
        if (ncols >= nrows) {
            CostReductions.subtractRowMinima(cost, stride, nrows, ncols);
        }
        if (ncols <= nrows) {
            CostReductions.subtractColumnMinima(cost, stride, nrows, ncols);
        }
        starZeros();
        while (!coverStarredColumns()) {
            while (!primeUncoveredZero()) {
                CostReductions.shiftByUncoveredMinimum(cost, stride, nrows, ncols, rowCovered, colCovered);
            }
            augment();
        }
    }

    public int starColumn(int row) {
        return starColOfRow[row];
    }

    private void starZeros() {
        for (int i = 0; i < nrows; i++) {
            for (int j = 0; j < ncols; j++) {
                if (starColOfRow[i] < 0 && starRowOfCol[j] < 0 && cost[i * stride + j] == 0) {
                    star(i, j);
                }
            }
        }
    }

    private boolean coverStarredColumns() {
        int count = 0;
        for (int j = 0; j < ncols; j++) {
            if (starRowOfCol[j] >= 0) {
                colCovered[j] = true;
                count++;
            }
        }
        return count >= Math.min(nrows, ncols);
    }

    private boolean primeUncoveredZero() {
        for (int i = 0; i < nrows; i++) {
            if (rowCovered[i]) {
                continue;
            }
            int row = i * stride;
            for (int j = 0; j < ncols; j++) {
                if (cost[row + j] == 0 && !colCovered[j]) {
                    primeColOfRow[i] = j;
                    int starCol = starColOfRow[i];
                    if (starCol < 0) {
                        pRow = i;
                        pCol = j;
                        return true;
                    }
                    // the row is covered now: none of its later cells can be primed in this scan
                    rowCovered[i] = true;
                    colCovered[starCol] = false;
                    break;
                }
            }
        }
        return false;
    }

    private void augment() {
        int row = pRow;
        int col = pCol;
        while (starRowOfCol[col] >= 0) {
            int starredRow = starRowOfCol[col];
            starColOfRow[starredRow] = -1;
            starRowOfCol[col] = -1;
            star(row, col);
            row = starredRow;
            col = primeColOfRow[starredRow];
        }
        star(row, col);
        clearPrimesAndCovers();
    }

    private void star(int i, int j) {
        starColOfRow[i] = j;
        starRowOfCol[j] = i;
    }

    private void clearPrimesAndCovers() {
        Arrays.fill(primeColOfRow, 0, nrows, -1);
        Arrays.fill(rowCovered, 0, nrows, false);
        Arrays.fill(colCovered, 0, ncols, false);
    }
}
