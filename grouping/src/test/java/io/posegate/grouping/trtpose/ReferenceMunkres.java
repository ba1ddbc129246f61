package io.posegate.grouping.trtpose;

import java.util.Arrays;

/**
 * trt_pose's munkres as its C++ structures it: a PairGraph of stars, one of primes, a cover table, and
 * the step switch with its fall-throughs, written out as a state machine. Allocates per call.
 */
final class ReferenceMunkres {
    private ReferenceMunkres() {
    }

    /** Runs on cost (row stride m, modified in place); returns each row's starred column or -1. */
    static int[] solve(float[] cost, int m, int nrows, int ncols) {
        Pairs star = new Pairs(nrows, ncols);
        Pairs prime = new Pairs(nrows, ncols);
        boolean[] rowCov = new boolean[nrows];
        boolean[] colCov = new boolean[ncols];
        int step = 0;
        if (ncols >= nrows) {
            for (int i = 0; i < nrows; i++) {
                float min = cost[i * m];
                for (int j = 0; j < ncols; j++) {
                    min = cost[i * m + j] < min ? cost[i * m + j] : min;
                }
                for (int j = 0; j < ncols; j++) {
                    cost[i * m + j] -= min;
                }
            }
        }
        if (ncols > nrows) {
            step = 1;
        }
        int[] p = new int[2];
        while (true) {
            if (step == 0) {
                for (int j = 0; j < ncols; j++) {
                    float min = cost[j];
                    for (int i = 0; i < nrows; i++) {
                        min = cost[i * m + j] < min ? cost[i * m + j] : min;
                    }
                    for (int i = 0; i < nrows; i++) {
                        cost[i * m + j] -= min;
                    }
                }
                step = 1;
            } else if (step == 1) {
                for (int i = 0; i < nrows; i++) {
                    for (int j = 0; j < ncols; j++) {
                        if (star.rows[i] < 0 && star.cols[j] < 0 && cost[i * m + j] == 0) {
                            star.set(i, j);
                        }
                    }
                }
                step = 2;
            } else if (step == 2) {
                int count = 0;
                for (int j = 0; j < ncols; j++) {
                    if (star.cols[j] >= 0) {
                        colCov[j] = true;
                        count++;
                    }
                }
                if (count >= Math.min(nrows, ncols)) {
                    return star.rows;
                }
                step = 3;
            } else if (step == 3) {
                step = 5;
                scan:
                for (int i = 0; i < nrows; i++) {
                    for (int j = 0; j < ncols; j++) {
                        if (cost[i * m + j] == 0 && !rowCov[i] && !colCov[j]) {
                            prime.set(i, j);
                            if (star.rows[i] >= 0) {
                                rowCov[i] = true;
                                colCov[star.rows[i]] = false;
                            } else {
                                p[0] = i;
                                p[1] = j;
                                step = 4;
                                break scan;
                            }
                        }
                    }
                }
            } else if (step == 4) {
                int pr = p[0];
                int pc = p[1];
                while (star.cols[pc] >= 0) {
                    int sr = star.cols[pc];
                    star.reset(sr, pc);
                    star.set(pr, pc);
                    pr = sr;
                    pc = prime.rows[sr];
                }
                star.set(pr, pc);
                Arrays.fill(rowCov, false);
                Arrays.fill(colCov, false);
                prime.clear();
                step = 2;
            } else {
                boolean valid = false;
                float min = 0f;
                for (int i = 0; i < nrows; i++) {
                    for (int j = 0; j < ncols; j++) {
                        if (!(rowCov[i] || colCov[j])) {
                            if (!valid) {
                                min = cost[i * m + j];
                                valid = true;
                            } else if (cost[i * m + j] < min) {
                                min = cost[i * m + j];
                            }
                        }
                    }
                }
                for (int i = 0; i < nrows; i++) {
                    if (rowCov[i]) {
                        for (int j = 0; j < ncols; j++) {
                            cost[i * m + j] += min;
                        }
                    }
                }
                for (int j = 0; j < ncols; j++) {
                    if (!colCov[j]) {
                        for (int i = 0; i < nrows; i++) {
                            cost[i * m + j] -= min;
                        }
                    }
                }
                step = 3;
            }
        }
    }

    private static final class Pairs {
        final int[] rows;
        final int[] cols;

        Pairs(int nrows, int ncols) {
            rows = new int[nrows];
            cols = new int[ncols];
            clear();
        }

        void set(int r, int c) {
            rows[r] = c;
            cols[c] = r;
        }

        void reset(int r, int c) {
            rows[r] = -1;
            cols[c] = -1;
        }

        void clear() {
            Arrays.fill(rows, -1);
            Arrays.fill(cols, -1);
        }
    }
}
