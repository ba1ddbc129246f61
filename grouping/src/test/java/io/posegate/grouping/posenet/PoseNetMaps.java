package io.posegate.grouping.posenet;

import io.posegate.grouping.FeatureMap;
import java.util.Random;

/**
 * Synthetic PoseNet outputs (planar) for people given in cells: logit heatmaps high at each keypoint's
 * nearest cell, short offsets pointing from every cell to the nearest person's keypoint, displacements
 * from every cell to the nearest person's child (forward) or parent (backward) keypoint, all in input
 * pixels at the given stride.
 */
public final class PoseNetMaps {
    public static final float HIGH = 4f;
    public static final float LOW = -6f;
    public final FeatureMap heatmaps;
    public final FeatureMap offsets;
    public final FeatureMap displacements;

    private PoseNetMaps(FeatureMap heatmaps, FeatureMap offsets, FeatureMap displacements) {
        this.heatmaps = heatmaps;
        this.offsets = offsets;
        this.displacements = displacements;
    }

    /** people[p][k] = {x, y} in cells, or null for a keypoint that is not visible (no heatmap peak). */
    public static PoseNetMaps render(float[][][] people, int h, int w, int stride) {
        int k = PoseTree.KEYPOINTS;
        int e = PoseTree.EDGES;
        float[] heat = new float[k * h * w];
        float[] off = new float[2 * k * h * w];
        float[] disp = new float[4 * e * h * w];
        java.util.Arrays.fill(heat, LOW);
        for (float[][] person : people) {
            for (int j = 0; j < k; j++) {
                if (person[j] != null) {
                    int cx = Math.round(person[j][0]);
                    int cy = Math.round(person[j][1]);
                    heat[(j * h + cy) * w + cx] = HIGH;
                }
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int j = 0; j < k; j++) {
                    float[] to = nearest(people, j, j, x, y);
                    off[(j * h + y) * w + x] = (to[1] - y) * stride;
                    off[((k + j) * h + y) * w + x] = (to[0] - x) * stride;
                }
                for (int edge = 0; edge < e; edge++) {
                    int parent = PoseTree.PARENT[edge];
                    int child = PoseTree.CHILD[edge];
                    float[] fwd = nearest(people, parent, child, x, y);
                    float[] bwd = nearest(people, child, parent, x, y);
                    disp[(edge * h + y) * w + x] = (fwd[1] - y) * stride;
                    disp[((e + edge) * h + y) * w + x] = (fwd[0] - x) * stride;
                    disp[((2 * e + edge) * h + y) * w + x] = (bwd[1] - y) * stride;
                    disp[((3 * e + edge) * h + y) * w + x] = (bwd[0] - x) * stride;
                }
            }
        }
        return new PoseNetMaps(FeatureMap.of(heat, k, h, w), FeatureMap.of(off, 2 * k, h, w), FeatureMap.of(disp, 4 * e, h, w));
    }

    /** Keypoint {@code target} (true position, even if invisible) of the person whose {@code from} is nearest. */
    private static float[] nearest(float[][][] people, int from, int target, int x, int y) {
        float best = Float.MAX_VALUE;
        float[] at = {x, y};
        for (float[][] person : people) {
            float[] f = truth(person, from);
            float d = (f[0] - x) * (f[0] - x) + (f[1] - y) * (f[1] - y);
            if (d < best) {
                best = d;
                at = truth(person, target);
            }
        }
        return at;
    }

    /** The keypoint, or for an invisible one its stored true position in slot 17 + k, or the person's first. */
    private static float[] truth(float[][] person, int k) {
        if (person[k] != null) {
            return person[k];
        }
        for (float[] p : person) {
            if (p != null) {
                return p;
            }
        }
        return new float[] {0, 0};
    }

    /** A standing person of about {@code size} cells with its nose at (x, y), keypoints clamped to the map. */
    public static float[][] person(float x, float y, float size, int h, int w) {
        float[][] rel = {{0, 0}, {0.08f, -0.05f}, {-0.08f, -0.05f}, {0.15f, 0}, {-0.15f, 0}, {0.25f, 0.25f},
            {-0.25f, 0.25f}, {0.35f, 0.5f}, {-0.35f, 0.5f}, {0.4f, 0.75f}, {-0.4f, 0.75f}, {0.15f, 0.8f},
            {-0.15f, 0.8f}, {0.17f, 1.15f}, {-0.17f, 1.15f}, {0.18f, 1.5f}, {-0.18f, 1.5f}};
        float[][] kp = new float[17][];
        for (int k = 0; k < 17; k++) {
            kp[k] = new float[] {clamp(Math.round(x + rel[k][0] * size), 0, w - 1),
                clamp(Math.round(y + rel[k][1] * size), 0, h - 1)};
        }
        return kp;
    }

    /** {@code count} people at random places. */
    public static float[][][] randomPeople(Random rnd, int count, int h, int w, float size) {
        float[][][] people = new float[count][][];
        for (int p = 0; p < count; p++) {
            people[p] = person(rnd.nextFloat() * w, rnd.nextFloat() * (h - size), size, h, w);
        }
        return people;
    }

    private static float clamp(float v, float lo, float hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
