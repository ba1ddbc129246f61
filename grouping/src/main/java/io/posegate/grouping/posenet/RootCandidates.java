package io.posegate.grouping.posenet;

/**
 * Finds the roots a pose may grow from: every cell whose part score reaches the threshold and is the
 * maximum of its (2r+1)^2 window, refined by its short offset and queued by score. A cell at or above
 * the threshold holding NaN or +inf (a broken network output; NaN is let in by the negated compare) refuses the
 * frame, as does a root's non-finite offset.
 * No allocation.
 */
final class RootCandidates {
    private static final int K = PoseTree.KEYPOINTS;

    private RootCandidates() {
    }

    /**
     * Empties {@code into} and queues every candidate of {@code heat}; offsets are in pixels at 1/invStride.
     *
     * @throws IllegalArgumentException naming the first non-finite heatmap cell, or a root's non-finite offset
     */
    static void collect(Grid heat, Grid shortOffsets, float threshold, int r, float invStride, PartQueue into) {
        int h = heat.height();
        int w = heat.width();
        into.reset(h * w * K);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < K; k++) {
                    float score = heat.at(k, y, x);
                    if (score < threshold) {
                        continue;
                    }
                    if (!(score <= Float.MAX_VALUE)) { // NaN (let in by the compare above) or +inf
                        heat.requireFinite(k, y, x);
                    }
                    if (isLocalMaximum(heat, k, y, x, score, r, h, w)) {
                        shortOffsets.requireFinite(k, y, x);
                        shortOffsets.requireFinite(K + k, y, x);
                        float ry = Grid.clamp(y + shortOffsets.at(k, y, x) * invStride, 0f, h - 1f);
                        float rx = Grid.clamp(x + shortOffsets.at(K + k, y, x) * invStride, 0f, w - 1f);
                        into.push(score, k, ry, rx);
                    }
                }
            }
        }
    }

    private static boolean isLocalMaximum(Grid heat, int k, int y, int x, float score, int r, int h, int w) {
        for (int yy = Math.max(y - r, 0); yy < Math.min(y + r + 1, h); yy++) {
            for (int xx = Math.max(x - r, 0); xx < Math.min(x + r + 1, w); xx++) {
                if (heat.at(k, yy, xx) > score) {
                    return false;
                }
            }
        }
        return true;
    }
}
