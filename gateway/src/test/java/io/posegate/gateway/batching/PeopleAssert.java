package io.posegate.gateway.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.pipeline.PoseFrame;
import java.util.List;

/**
 * Compares the people of two frames: the same number, in the same order, each with the same keypoints
 * present, at the same place (within 0.05 source pixels: a batched network run may sum in another order
 * than a single one) and with the same scores (within 0.001).
 */
final class PeopleAssert {
    private PeopleAssert() {
    }

    static void same(List<PoseFrame.Person> expected, List<PoseFrame.Person> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": people");
        for (int p = 0; p < expected.size(); p++) {
            PoseFrame.Keypoint[] e = expected.get(p).keypoints();
            PoseFrame.Keypoint[] a = actual.get(p).keypoints();
            assertEquals(e.length, a.length, what + " person " + p);
            assertEquals(expected.get(p).score(), actual.get(p).score(), 1e-3f, what + " person " + p + " score");
            for (int k = 0; k < e.length; k++) {
                String at = what + " person " + p + " keypoint " + k;
                assertEquals(e[k] == null, a[k] == null, at + " present");
                if (e[k] != null) {
                    assertEquals(e[k].x(), a[k].x(), 0.05f, at + " x");
                    assertEquals(e[k].y(), a[k].y(), 0.05f, at + " y");
                    assertEquals(e[k].score(), a[k].score(), 1e-3f, at + " score");
                }
            }
        }
    }

    /** The two pictures give different people (so that a mix-up would show). */
    static void different(List<PoseFrame.Person> a, List<PoseFrame.Person> b) {
        boolean differ = a.size() != b.size();
        for (int p = 0; !differ && p < a.size(); p++) {
            PoseFrame.Keypoint[] x = a.get(p).keypoints();
            PoseFrame.Keypoint[] y = b.get(p).keypoints();
            for (int k = 0; k < x.length; k++) {
                differ |= (x[k] == null) != (y[k] == null) || (x[k] != null && Math.abs(x[k].x() - y[k].x()) > 1);
            }
        }
        assertTrue(differ, "the pictures of two streams give the same people");
    }
}
