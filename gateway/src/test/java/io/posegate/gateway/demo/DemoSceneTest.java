package io.posegate.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.synth.MarkerCode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DemoSceneTest {
    private final DemoScene scene = new DemoScene(640, 360, 4);
    private final MarkerCode code = MarkerCode.DEMO;

    @Test
    void isAPureFunctionOfTheFrameIndex() {
        DemoScene other = new DemoScene(640, 360, 4);
        for (long n : new long[] {0, 1, 77, 1234, 100_000}) {
            assertArrayEquals(scene.render(n), other.render(n), "frame " + n);
            assertTrue(Arrays.deepEquals(scene.people(n), other.people(n)), "people of frame " + n);
            byte[] dirty = new byte[640 * 360 * 3];
            Arrays.fill(dirty, (byte) 0x5a);
            scene.render(n, dirty);
            assertArrayEquals(scene.render(n), dirty, "rendering over an old picture, frame " + n);
        }
        assertTrue(!Arrays.equals(scene.render(10), scene.render(11)), "consecutive frames differ");
    }

    @Test
    void everyVisibleJointIsItsMarkerAndEveryMarkerPixelIsAVisibleJoint() {
        for (long n = 0; n < 600; n += 7) {
            byte[] bgr = scene.render(n);
            float[][][] people = scene.people(n);
            for (int y = 0; y < 360; y++) {
                for (int x = 0; x < 640; x++) {
                    int i = (y * 640 + x) * 3;
                    int c = code.decode(bgr[i + 2] & 0xFF, bgr[i + 1] & 0xFF, bgr[i] & 0xFF);
                    double dist = Double.MAX_VALUE;
                    if (c >= 0) {
                        float[] j = people[c / 18][c % 18];
                        assertTrue(j != null, "frame " + n + ": pixel (" + x + "," + y + ") decodes as hidden joint " + c);
                        dist = Math.hypot(x + 0.5 - j[0], y + 0.5 - j[1]);
                    }
                    if (c >= 0 && dist > scene.markerRadius() + 1e-3) {
                        throw new AssertionError("frame " + n + ": pixel (" + x + "," + y + ") decodes as joint " + c
                                + " but lies " + dist + " px from it");
                    }
                }
            }
            for (int p = 0; p < people.length; p++) {
                for (int k = 0; k < 18; k++) {
                    float[] j = people[p][k];
                    if (j != null) {
                        int i = ((int) j[1] * 640 + (int) j[0]) * 3;
                        assertEquals(p * 18 + k, code.decode(bgr[i + 2] & 0xFF, bgr[i + 1] & 0xFF, bgr[i] & 0xFF),
                                "frame " + n + " joint " + p + "/" + Coco18.NAMES.get(k));
                    }
                }
            }
        }
    }

    @Test
    void peopleAreTallWalkAndBob() {
        for (int p = 0; p < 4; p++) {
            double minSwing = Double.MAX_VALUE;
            double maxSwing = -Double.MAX_VALUE;
            double minHip = Double.MAX_VALUE;
            double maxHip = -Double.MAX_VALUE;
            int seen = 0;
            for (long n = 0; n < 400; n++) {
                float[][] j = scene.people(n)[p];
                if (j[Coco18.R_HIP] == null || j[Coco18.R_ANKLE] == null || j[Coco18.NOSE] == null) {
                    continue;
                }
                seen++;
                double height = j[Coco18.R_ANKLE][1] - j[Coco18.NOSE][1];
                assertTrue(height > 150 && height < 300, "person " + p + " nose-to-ankle " + height + " px at frame " + n);
                minSwing = Math.min(minSwing, j[Coco18.R_ANKLE][0] - j[Coco18.R_HIP][0]);
                maxSwing = Math.max(maxSwing, j[Coco18.R_ANKLE][0] - j[Coco18.R_HIP][0]);
                minHip = Math.min(minHip, j[Coco18.R_HIP][1]);
                maxHip = Math.max(maxHip, j[Coco18.R_HIP][1]);
            }
            assertTrue(seen > 100, "person " + p + " seen in " + seen + " of 400 frames");
            assertTrue(minSwing < -15 && maxSwing > 15, "person " + p + " ankle swings " + minSwing + ".." + maxSwing);
            assertTrue(maxHip - minHip > 1.5, "person " + p + " hips bob " + (maxHip - minHip) + " px");
        }
    }

    @Test
    void peopleCrossAndHideEachOtherEarlyOn() {
        int framesWithHiddenOnScreenJoints = 0;
        int crossings = 0;
        double[] lastOrder = null;
        for (long n = 0; n < 150; n++) {
            float[][][] people = scene.people(n);
            int visible = 0;
            for (float[][] person : people) {
                for (float[] j : person) {
                    visible += j == null ? 0 : 1;
                }
            }
            if (visible < 4 * 18) {
                framesWithHiddenOnScreenJoints++;
            }
            double[] neckX = new double[4];
            for (int p = 0; p < 4; p++) {
                neckX[p] = centreX(people[p]);
            }
            if (lastOrder != null) {
                for (int a = 0; a < 4; a++) {
                    for (int b = a + 1; b < 4; b++) {
                        double now = neckX[a] - neckX[b];
                        double before = lastOrder[a] - lastOrder[b];
                        if (!Double.isNaN(now) && !Double.isNaN(before) && Math.signum(now) != Math.signum(before)) {
                            crossings++;
                        }
                    }
                }
            }
            lastOrder = neckX;
        }
        assertTrue(crossings >= 1, "nobody crossed in the first 150 frames");
        assertTrue(framesWithHiddenOnScreenJoints > 10, "joints hidden in only " + framesWithHiddenOnScreenJoints + " frames");
    }

    private static double centreX(float[][] person) {
        double sum = 0;
        int n = 0;
        for (float[] j : person) {
            if (j != null) {
                sum += j[0];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Test
    void otherSizesAndCountsWork() {
        DemoScene small = new DemoScene(320, 180, 1);
        assertEquals(1, small.people(5).length);
        assertEquals(320 * 180 * 3, small.render(5).length);
        DemoScene wide = new DemoScene(1280, 720, 8);
        assertEquals(8, wide.people(0).length);
    }

    @Test
    void badArgumentsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DemoScene(640, 360, 9)).getMessage().contains("people"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DemoScene(10, 360, 2)).getMessage().contains("10x360"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> scene.people(-1)).getMessage().contains("frameIndex"));
        assertThrows(IllegalArgumentException.class, () -> scene.render(0, new byte[10]));
    }
}
