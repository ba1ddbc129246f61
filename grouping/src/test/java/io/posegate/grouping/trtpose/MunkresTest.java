package io.posegate.grouping.trtpose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MunkresTest {
    @Test
    void findsAMinimumCostAssignmentAndBreaksTiesAsTrtPose() {
        Random rnd = new Random(7);
        Munkres munkres = new Munkres(7);
        for (int trial = 0; trial < 3000; trial++) {
            int rows = 1 + rnd.nextInt(6);
            int cols = 1 + rnd.nextInt(6);
            boolean ties = trial % 2 == 0;
            float[] cost = new float[rows * cols];
            for (int i = 0; i < cost.length; i++) {
                cost[i] = ties ? -rnd.nextInt(4) * 0.25f : -rnd.nextFloat();
            }
            float[] work = cost.clone();
            munkres.solve(work, cols, rows, cols);
            int[] assigned = new int[rows];
            float total = 0f;
            for (int i = 0; i < rows; i++) {
                assigned[i] = munkres.starColumn(i);
                if (assigned[i] >= 0) {
                    total += cost[i * cols + assigned[i]];
                }
            }
            assertEquals(best(cost, rows, cols, 0, new boolean[cols]), total, 1e-5f, "trial " + trial);
            assertArrayEquals(ReferenceMunkres.solve(cost.clone(), cols, rows, cols), assigned, "trial " + trial);
        }
    }

    @Test
    void assignsEveryRowOfASquareMatrix() {
        Munkres munkres = new Munkres(3);
        float[] cost = {-0.9f, -0.1f, -0.2f, -0.8f, -0.9f, -0.1f, -0.1f, -0.2f, -0.7f};
        munkres.solve(cost, 3, 3, 3);
        assertArrayEquals(new int[] {0, 1, 2},
                new int[] {munkres.starColumn(0), munkres.starColumn(1), munkres.starColumn(2)});
    }

    /** Brute force: the least total cost matching min(rows, cols) pairs. */
    private static float best(float[] cost, int rows, int cols, int row, boolean[] used) {
        if (row == rows) {
            return 0f;
        }
        int free = 0;
        for (boolean u : used) {
            free += u ? 0 : 1;
        }
        float best = Float.MAX_VALUE;
        if (rows - row > free) {
            best = best(cost, rows, cols, row + 1, used);
        }
        for (int j = 0; j < cols; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, cost[row * cols + j] + best(cost, rows, cols, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}
