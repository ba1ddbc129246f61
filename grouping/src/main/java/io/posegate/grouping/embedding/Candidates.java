package io.posegate.grouping.embedding;

import io.posegate.grouping.FeatureMap;

/**
 * Per keypoint type, the {@code maxPeople} highest cells of the NMS'd heatmap (best first; equal values in
 * raster order), with their tags: Open Model Zoo's {@code top_k}. When the frame has no NMS'd heatmaps
 * they are made here as the network would: each cell kept if it equals the max over its kernel window
 * (borders padded with -inf), else 0. Reuses its arrays; one thread at a time.
 */
final class Candidates {
    final int[] xs;
    final int[] ys;
    final float[] vals;
    final float[] tags;
    private final int k;
    private final int keypoints;
    private float[] plane = new float[0];
    private float[] pooled = new float[0];
    private float[] rowMax = new float[0];

    Candidates(int keypoints, int maxPeople) {
        this.keypoints = keypoints;
        this.k = maxPeople;
        xs = new int[keypoints * maxPeople];
        ys = new int[keypoints * maxPeople];
        vals = new float[keypoints * maxPeople];
        tags = new float[keypoints * maxPeople];
    }

    int perType() {
        return k;
    }

    /** Fills every type's candidates from {@code nms} (or from {@code heatmaps} pooled by {@code kernel}). */
    void collect(FeatureMap heatmaps, FeatureMap nms, FeatureMap tagMap, int kernel) {
        int h = heatmaps.height();
        int w = heatmaps.width();
        if (plane.length < h * w) {
            plane = new float[h * w];
            pooled = new float[h * w];
            rowMax = new float[h * w];
        }
        for (int c = 0; c < keypoints; c++) {
            if (nms != null) {
                read(nms, c, h, w, plane);
            } else {
                read(heatmaps, c, h, w, plane);
                suppress(h, w, kernel / 2);
            }
            select(c, h, w, tagMap);
        }
    }

    private void select(int c, int h, int w, FeatureMap tagMap) {
        int base = c * k;
        int n = 0;
        for (int i = 0; i < h * w; i++) {
            float v = plane[i];
            if (n == k && !(v > vals[base + k - 1])) {
                continue;
            }
            int at = n < k ? n++ : k - 1;
            while (at > 0 && vals[base + at - 1] < v) {
                vals[base + at] = vals[base + at - 1];
                xs[base + at] = xs[base + at - 1];
                ys[base + at] = ys[base + at - 1];
                at--;
            }
            vals[base + at] = v;
            xs[base + at] = i % w;
            ys[base + at] = i / w;
        }
        for (int j = 0; j < k; j++) {
            tags[base + j] = j < n ? tagMap.get(c, ys[base + j], xs[base + j]) : 0f;
            if (j >= n) {
                vals[base + j] = 0f;
            }
        }
    }

    /** plane = plane where it equals its (2r+1)^2 max, else 0. Max pooling is separable: rows, then columns. */
    private void suppress(int h, int w, int r) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float m = Float.NEGATIVE_INFINITY;
                for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                    m = Math.max(m, plane[y * w + xx]);
                }
                rowMax[y * w + x] = m;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float m = Float.NEGATIVE_INFINITY;
                for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                    m = Math.max(m, rowMax[yy * w + x]);
                }
                pooled[y * w + x] = m;
            }
        }
        for (int i = 0; i < h * w; i++) {
            plane[i] = plane[i] == pooled[i] ? plane[i] : 0f;
        }
    }

    private static void read(FeatureMap m, int c, int h, int w, float[] into) {
        if (m.layout() == FeatureMap.Layout.CHW) {
            m.data().get(c * h * w, into, 0, h * w);
        } else {
            for (int i = 0; i < h * w; i++) {
                into[i] = m.data().get(i * m.channels() + c);
            }
        }
    }
}
