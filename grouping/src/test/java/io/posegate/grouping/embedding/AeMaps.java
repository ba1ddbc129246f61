package io.posegate.grouping.embedding;

import io.posegate.grouping.FeatureMap;
import java.util.Random;

/**
 * Synthetic associative-embedding outputs: each person a set of Gaussian keypoint peaks, its own tag value
 * painted around its keypoints, light noise everywhere, some keypoints missing, some people at the borders.
 */
public final class AeMaps {
    public final FeatureMap heatmaps;
    public final FeatureMap tags;

    private AeMaps(FeatureMap heatmaps, FeatureMap tags) {
        this.heatmaps = heatmaps;
        this.tags = tags;
    }

    public static AeMaps random(Random rnd, int keypoints, int people, int h, int w, float noise, float dropRate) {
        float[] heat = new float[keypoints * h * w];
        float[] tag = new float[keypoints * h * w];
        for (int i = 0; i < heat.length; i++) {
            heat[i] = rnd.nextFloat() * noise;
            tag[i] = (rnd.nextFloat() - 0.5f) * 6f;
        }
        float size = Math.min(h, w) / 3f;
        for (int p = 0; p < people; p++) {
            float personTag = 3f * p - 6f + (rnd.nextFloat() - 0.5f) * 0.4f;
            float cx = rnd.nextFloat() * w;
            float cy = rnd.nextFloat() * h;
            for (int k = 0; k < keypoints; k++) {
                if (rnd.nextFloat() < dropRate) {
                    continue;
                }
                float x = clamp(cx + (rnd.nextFloat() - 0.5f) * size, 0, w - 1);
                float y = clamp(cy + (rnd.nextFloat() - 0.5f) * size, 0, h - 1);
                float peak = 0.3f + 0.7f * rnd.nextFloat();
                paint(heat, tag, k, h, w, x, y, peak, personTag + (rnd.nextFloat() - 0.5f) * 0.3f, rnd);
            }
        }
        return new AeMaps(FeatureMap.of(heat, keypoints, h, w), FeatureMap.of(tag, keypoints, h, w));
    }

    private static void paint(float[] heat, float[] tag, int k, int h, int w, float x, float y, float peak, float t,
            Random rnd) {
        for (int yy = Math.max(0, (int) y - 4); yy <= Math.min(h - 1, (int) y + 4); yy++) {
            for (int xx = Math.max(0, (int) x - 4); xx <= Math.min(w - 1, (int) x + 4); xx++) {
                float d2 = (xx - x) * (xx - x) + (yy - y) * (yy - y);
                float v = peak * (float) Math.exp(-d2 / 2.0);
                int i = (k * h + yy) * w + xx;
                if (v > heat[i]) {
                    heat[i] = v;
                }
                if (d2 <= 9) {
                    tag[i] = t + (rnd.nextFloat() - 0.5f) * 0.1f;
                }
            }
        }
    }

    private static float clamp(float v, float lo, float hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
