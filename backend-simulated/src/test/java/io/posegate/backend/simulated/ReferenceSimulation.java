package io.posegate.backend.simulated;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.synth.TargetRenderer;

/**
 * A deliberately plain re-implementation of what the simulated network should output, used as the
 * oracle of the contract test: one pass per (person, keypoint) code over every pixel, the grid checks
 * written out, the limb table taken from the grouping module's COCO-18 topology.
 */
final class ReferenceSimulation {
    private ReferenceSimulation() {
    }

    /** Heatmaps [19,h,w] (which 0) or PAFs [38,h,w] (which 1) for an RGB NCHW input of H x W. */
    static float[] expected(int which, float[] input, int height, int width, int stride) {
        int plane = height * width;
        float[][][] people = new float[8][18][];
        for (int p = 0; p < 8; p++) {
            for (int k = 0; k < 18; k++) {
                double sx = 0;
                double sy = 0;
                int n = 0;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int i = y * width + x;
                        if (near(input[i], 8 + 13 * k) && near(input[plane + i], 16 + 32 * p) && near(input[2 * plane + i], 255)) {
                            sx += x + 0.5;
                            sy += y + 0.5;
                            n++;
                        }
                    }
                }
                if (n >= 2) {
                    people[p][k] = new float[] {(float) (sx / n) / stride, (float) (sy / n) / stride};
                }
            }
        }
        int h = height / stride;
        int w = width / stride;
        float[] heat = new float[19 * h * w];
        float[] paf = new float[38 * h * w];
        new TargetRenderer(Topologies.coco18OpenPose(), 1.0f, 1.5f)
                .render(people, FeatureMap.of(heat, 19, h, w), FeatureMap.of(paf, 38, h, w));
        return which == 0 ? heat : paf;
    }

    private static boolean near(float v, int level) {
        return Math.abs(v - level) <= 4;
    }
}
