package io.posegate.grouping.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Assignment}'s shortcuts (no solver when no row and no column has two admissible partners, or when every
 * row's smallest cost is its only one and in a column of its own) assign exactly what the Hungarian solver
 * assigns, on matrices like the tracker's (each person's own track far ahead, a few more pairs at the gate),
 * with rows and columns without partners, ties (similarities on a coarse grid), costs that round together,
 * and more rows than columns or fewer.
 */
class AssignmentShortcutTest {
    private static final int MAX = 9;
    private static final float GATE = 0.25f;

    @Test
    void shortcutsAssignWhatTheSolverAssigns() {
        Random rnd = new Random(17);
        Assignment fast = new Assignment(MAX, MAX);
        Assignment straight = straightAssignment();
        float[] sim = new float[MAX * MAX];
        int[] rows = indices();
        int[] cols = indices();
        for (int round = 0; round < 200_000; round++) {
            int nr = 1 + rnd.nextInt(MAX);
            int nc = 1 + rnd.nextInt(MAX);
            fill(sim, nr, nc, rnd, round % 4);
            int[] detA = new int[MAX];
            int[] trackA = new int[MAX];
            int[] detB = new int[MAX];
            int[] trackB = new int[MAX];
            Arrays.fill(detA, -1);
            Arrays.fill(trackA, -1);
            Arrays.fill(detB, -1);
            Arrays.fill(trackB, -1);
            int a = fast.solve(sim, rows, nr, cols, nc, GATE, detA, trackA);
            int b = straight.solve(sim, rows, nr, cols, nc, GATE, detB, trackB);
            assertEquals(b, a, "pairs, round " + round);
            assertArrayEquals(detB, detA, "round " + round);
            assertArrayEquals(trackB, trackA, "round " + round);
        }
        assertTrue(fast.apartSolves > 20_000, "only " + fast.apartSolves + " solves had their minima apart");
    }

    /**
     * What {@link StageOne} relies on: after an answer from a shortcut ({@link Assignment#shortcut}), lowering
     * (by a factor in [0, 1]) any pairs the answer did not assign leaves the answer as it is, the solver's as well
     * as the shortcut's.
     */
    @Test
    void loweringUnassignedPairsKeepsAShortcutsAnswer() {
        Random rnd = new Random(23);
        Assignment fast = new Assignment(MAX, MAX);
        Assignment straight = straightAssignment();
        float[] sim = new float[MAX * MAX];
        int[] rows = indices();
        int[] cols = indices();
        int checked = 0;
        for (int round = 0; round < 100_000; round++) {
            int nr = 1 + rnd.nextInt(MAX);
            int nc = 1 + rnd.nextInt(MAX);
            fill(sim, nr, nc, rnd, round % 4);
            int[] det = minusOnes();
            int[] track = minusOnes();
            int pairs = fast.solve(sim, rows, nr, cols, nc, GATE, det, track);
            if (!fast.shortcut) {
                continue;
            }
            checked++;
            for (int i = 0; i < nr; i++) {
                for (int j = 0; j < nc; j++) {
                    if (det[i] != j && rnd.nextInt(3) == 0) {
                        sim[i * MAX + j] *= rnd.nextInt(4) == 0 ? 0f : rnd.nextFloat();
                    }
                }
            }
            for (Assignment a : new Assignment[] {fast, straight}) {
                int[] det2 = minusOnes();
                int[] track2 = minusOnes();
                assertEquals(pairs, a.solve(sim, rows, nr, cols, nc, GATE, det2, track2), "pairs, round " + round);
                assertArrayEquals(det, det2, "round " + round);
                assertArrayEquals(track, track2, "round " + round);
            }
        }
        assertTrue(checked > 50_000, "only " + checked + " shortcut answers");
    }

    private static int[] minusOnes() {
        int[] a = new int[MAX];
        Arrays.fill(a, -1);
        return a;
    }

    /**
     * kind 0: each row's own column far ahead (most rows), a few extra pairs at the gate; 1: the same on a grid of
     * 0.125 (ties); 2: uniform similarities; 3: similarities just above the gate, a few ulps apart (costs 1 - s
     * that round together).
     */
    private static void fill(float[] sim, int nr, int nc, Random rnd, int kind) {
        for (int i = 0; i < nr; i++) {
            for (int j = 0; j < nc; j++) {
                float s;
                if (kind == 2) {
                    s = rnd.nextFloat();
                } else if (kind == 3) {
                    s = rnd.nextInt(3) == 0 ? Math.nextUp(GATE + 0.01f * (rnd.nextInt(4) / 4f)) + rnd.nextInt(3) * Math.ulp(GATE) : 0f;
                } else if (i == j && rnd.nextInt(8) != 0) {
                    s = 0.9f + 0.1f * rnd.nextFloat();
                } else {
                    s = rnd.nextInt(6) == 0 ? GATE + 0.3f * rnd.nextFloat() : 0.2f * rnd.nextFloat();
                }
                if (kind == 1) {
                    s = Math.round(s * 8f) / 8f;
                }
                sim[i * MAX + j] = s;
            }
        }
    }

    /** An assignment that always runs the solver, the straightforward computation. */
    private static Assignment straightAssignment() {
        Assignment a = new Assignment(MAX, MAX);
        a.straight = true;
        return a;
    }

    /** 0 .. MAX - 1: rows and columns that are the matrix's own lines. */
    private static int[] indices() {
        int[] a = new int[MAX];
        for (int i = 0; i < MAX; i++) {
            a[i] = i;
        }
        return a;
    }
}
