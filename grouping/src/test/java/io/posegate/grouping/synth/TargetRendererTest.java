package io.posegate.grouping.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** {@link TargetRenderer} writes the same targets into planar and interleaved maps, cell for cell. */
class TargetRendererTest {
    private static final int H = 24;
    private static final int W = 30;

    @Test
    void interleavedMapsGetThePlanarValuesOverlapsAndBackgroundIncluded() {
        Topology t = Topologies.coco18OpenPose();
        int hc = t.keypointCount() + 1;
        int pc = t.pafChannels();
        // two partial people whose limbs overlap (averaged PAF cells) on a topology with a background channel
        float[][][] people = new float[2][18][];
        people[0][1] = new float[] {10.3f, 5.2f};
        people[0][2] = new float[] {6.4f, 6.1f};
        people[0][3] = new float[] {5.2f, 12.3f};
        people[0][8] = new float[] {9.1f, 15.4f};
        people[1][1] = new float[] {12.2f, 5.7f};
        people[1][2] = new float[] {7.3f, 6.4f};
        people[1][5] = new float[] {16.4f, 6.2f};
        FeatureMap hm = FeatureMap.of(new float[hc * H * W], hc, H, W);
        FeatureMap paf = FeatureMap.of(new float[pc * H * W], pc, H, W);
        FeatureMap hmHwc = new FeatureMap(FloatBuffer.allocate(hc * H * W), hc, H, W, FeatureMap.Layout.HWC);
        FeatureMap pafHwc = new FeatureMap(FloatBuffer.allocate(pc * H * W), pc, H, W, FeatureMap.Layout.HWC);
        TargetRenderer r = new TargetRenderer(t, 1f, 1.5f);
        r.render(people, hm, paf);
        r.render(people, hmHwc, pafHwc);
        assertSame(hm, hmHwc);
        assertSame(paf, pafHwc);
        // the overlap is there and averaged: limb 0 (neck to right shoulder) of each person alone, then both
        int fx = t.limbs().get(0).pafX();
        FeatureMap alone0 = FeatureMap.of(new float[pc * H * W], pc, H, W);
        FeatureMap alone1 = FeatureMap.of(new float[pc * H * W], pc, H, W);
        r.render(new float[][][] {people[0]}, FeatureMap.of(new float[hc * H * W], hc, H, W), alone0);
        r.render(new float[][][] {people[1]}, FeatureMap.of(new float[hc * H * W], hc, H, W), alone1);
        int overlapping = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (alone0.get(fx, y, x) != 0f && alone1.get(fx, y, x) != 0f) {
                    overlapping++;
                    assertEquals((alone0.get(fx, y, x) + alone1.get(fx, y, x)) / 2, paf.get(fx, y, x), 1e-6);
                }
            }
        }
        assertTrue(overlapping > 0, "the two neck-to-shoulder limbs share cells");
        assertEquals(1f - hm.get(1, 5, 10), hm.get(18, 5, 10), "background = 1 - the keypoint maps' max");
    }

    private static void assertSame(FeatureMap chw, FeatureMap hwc) {
        for (int c = 0; c < chw.channels(); c++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    assertEquals(chw.get(c, y, x), hwc.get(c, y, x), "channel " + c + " y " + y + " x " + x);
                }
            }
        }
    }
}
