package io.posegate.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.posegate.grouping.synth.MarkerCode;
import org.junit.jupiter.api.Test;

class MarkerCodeTest {
    private final MarkerCode code = MarkerCode.DEMO;

    @Test
    void everyCodeDecodesToItself() {
        for (int p = 0; p < code.slots(); p++) {
            for (int k = 0; k < code.keypoints(); k++) {
                assertEquals(p * code.keypoints() + k, code.decode(code.red(k), code.green(p), code.blue()));
                assertEquals(p * code.keypoints() + k, code.decode(code.red(k) + 3.9f, code.green(p) - 3.9f, code.blue() - 4));
            }
        }
    }

    @Test
    void offGridValuesDoNotDecode() {
        assertEquals(-1, code.decode(code.red(3) + 6.5f, code.green(1), code.blue()));
        assertEquals(-1, code.decode(code.red(3), code.green(1) + 10, code.blue()));
        assertEquals(-1, code.decode(code.red(3), code.green(1), code.blue() - 5));
        assertEquals(-1, code.decode(code.red(code.keypoints() - 1) + code.redStep(), code.green(0), code.blue()));
        assertEquals(-1, code.decode(code.red(0), code.green(code.slots() - 1) + code.greenStep(), code.blue()));
    }

    @Test
    void aMarkerBlendedWithAnySceneColourNeverDecodesAsAnotherJoint() {
        java.util.List<int[]> colours = new java.util.ArrayList<>(java.util.List.of(DemoScene.RING_BGR, DemoScene.HEAD_BGR,
                new int[] {70, 80, 85}, new int[] {110, 95, 80}, new int[] {150, 150, 150}, new int[] {0, 0, 0}));
        colours.addAll(java.util.List.of(DemoScene.BODY_BGR));
        for (int p = 0; p < code.slots(); p++) {
            for (int k = 0; k < code.keypoints(); k++) {
                int own = p * code.keypoints() + k;
                for (int[] c : colours) {
                    for (float a = 0.005f; a < 1f; a += 0.005f) {
                        int got = code.decode(mix(code.red(k), c[2], a), mix(code.green(p), c[1], a), mix(code.blue(), c[0], a));
                        if (got >= 0 && got != own) {
                            throw new AssertionError("marker " + own + " with " + a + " of BGR " + java.util.Arrays.toString(c)
                                    + " decodes as " + got);
                        }
                    }
                }
            }
        }
    }

    private static float mix(int marker, int other, float a) {
        return marker * (1 - a) + other * a;
    }

    @Test
    void rejectsCodesThatCannotBeToldApart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MarkerCode(255, 8, 6, 16, 32, 4, 18, 8));
        assertEquals(true, e.getMessage().contains("twice the tolerance"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MarkerCode(255, 8, 13, 16, 32, 4, 20, 8));
        assertThrows(IllegalArgumentException.class, () -> new MarkerCode(190, 8, 13, 16, 32, 4, 18, 8));
    }
}
