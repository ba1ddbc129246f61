package io.posegate.grouping.embedding;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.NonFinite;
import io.posegate.grouping.decode.OutputRoles;
import java.util.List;

/**
 * Per keypoint type, the {@code maxPeople} highest cells of the NMS'd heatmap (best first; equal values in
 * raster order), with their tags: Open Model Zoo's {@code top_k}. When the frame has no NMS'd heatmaps
 * the suppression is done here as the network would: a cell counts if it equals the max over its kernel
 * window (borders padded with -inf). A cell above the threshold holding NaN or +inf (a broken network
 * output; NaN is let in by the negated compare) refuses the frame, as does a candidate's non-finite tag.
 * Reuses its arrays; one thread at a time.
 */
final class Candidates {
    final int[] xs;
    final int[] ys;
    final float[] vals;
    final float[] tags;
    private final int k;
    private final int keypoints;
    private final List<String> names;
    private float[] plane = new float[0];

    /** @param names the keypoint of each channel, for the error naming a non-finite value */
    Candidates(List<String> names, int maxPeople) {
        this.names = names;
        this.keypoints = names.size();
        this.k = maxPeople;
        xs = new int[keypoints * maxPeople];
        ys = new int[keypoints * maxPeople];
        vals = new float[keypoints * maxPeople];
        tags = new float[keypoints * maxPeople];
    }

    int perType() {
        return k;
    }

    /**
     * Fills every type's candidates from {@code nms} (or from {@code heatmaps} suppressed with a
     * {@code kernel} window). Cells not above {@code threshold} are skipped: the matching drops them anyway,
     * so the kept candidates are the same as OMZ's top-k above the threshold.
     *
     * @throws IllegalArgumentException naming the first non-finite cell of a scanned channel, or a candidate's
     *                                  non-finite tag
     */
    void collect(FeatureMap heatmaps, FeatureMap nms, FeatureMap tagMap, int kernel, double threshold) {
        int h = heatmaps.height();
        int w = heatmaps.width();
        if (plane.length < h * w) {
            plane = new float[h * w];
        }
        for (int c = 0; c < keypoints; c++) {
            read(nms != null ? nms : heatmaps, c, h, w, plane);
            select(c, h, w, tagMap, threshold, nms != null ? -1 : kernel / 2,
                    nms != null ? OutputRoles.NMS_HEATMAPS : OutputRoles.HEATMAPS);
        }
    }

    private void select(int c, int h, int w, FeatureMap tagMap, double threshold, int radius, String role) {
        int base = c * k;
        int n = 0;
        for (int i = 0; i < h * w; i++) {
            float v = plane[i];
            if ((double) v <= threshold) {
                continue;
            }
            if (!(v <= Float.MAX_VALUE)) { // NaN (let in by the compare above) or +inf
                throw NonFinite.at(role, c, names.get(c), i / w, i % w, v);
            }
            if ((n == k && !(v > vals[base + k - 1])) || (radius >= 0 && !isWindowMax(v, i % w, i / w, h, w, radius))) {
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
            if (!Float.isFinite(tags[base + j])) {
                throw NonFinite.at(OutputRoles.TAGS, c, names.get(c), ys[base + j], xs[base + j], tags[base + j]);
            }
            if (j >= n) {
                vals[base + j] = 0f;
            }
        }
    }

    /** Whether v (at x, y) equals the max of its (2r+1)^2 window, as a max-pool NMS with -inf padding keeps it. */
    private boolean isWindowMax(float v, int x, int y, int h, int w, int r) {
        for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
            for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                if (plane[yy * w + xx] > v) {
                    return false;
                }
            }
        }
        return true;
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
