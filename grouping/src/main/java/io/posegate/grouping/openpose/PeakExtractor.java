package io.posegate.grouping.openpose;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.NonFinite;
import java.util.List;

/**
 * OpenPoseDecoder's peak stage: keep cells equal to the maximum of their window (max-pool NMS, window
 * clipped at the borders), take the {@code maxPeaks} highest (ties: lower raster index first), drop
 * those not above the threshold, nudge each interior peak a quarter cell towards its higher
 * neighbour on each axis, then shift by half a cell to the cell centre and clip to [0, W-1] x [0, H-1].
 * A candidate cell holding NaN or +inf (a broken network output) refuses the frame; -inf is never a peak.
 */
final class PeakExtractor {
    private static final float DELTA = 0.5f;
    private final float threshold;
    private final int half;
    private final int maxPeaks;
    private final List<String> names;
    private float[] plane = new float[0];
    private int[] candidates = new int[0];

    /** @param names the keypoint of each channel, for the error naming a non-finite value */
    PeakExtractor(float threshold, int window, int maxPeaks, List<String> names) {
        this.threshold = threshold;
        this.half = (window - 1) / 2;
        this.maxPeaks = maxPeaks;
        this.names = names;
    }

    /** @throws IllegalArgumentException naming the first non-finite cell of a keypoint channel */
    void extract(FeatureMap heatmaps, int channels, KeypointTable out) {
        int h = heatmaps.height();
        int w = heatmaps.width();
        if (plane.length < h * w) {
            plane = new float[h * w];
            candidates = new int[h * w];
        }
        int id = 0;
        for (int c = 0; c < channels; c++) {
            heatmaps.data().get(c * h * w, plane, 0, h * w);
            int n = collectMaxima(h, w, c);
            int kept = keepHighest(n);
            out.start[c] = id;
            out.count[c] = kept;
            for (int i = 0; i < kept; i++) {
                int cell = candidates[i];
                int cy = cell / w;
                int cx = cell % w;
                float x = cx;
                float y = cy;
                if (cx > 0 && cx < w - 1 && cy > 0 && cy < h - 1) {
                    x += Math.signum(plane[cell + 1] - plane[cell - 1]) * 0.25f;
                    y += Math.signum(plane[cell + w] - plane[cell - w]) * 0.25f;
                }
                out.x[id] = clip(clip(x, w - 1) + DELTA, w - 1);
                out.y[id] = clip(clip(y, h - 1) + DELTA, h - 1);
                out.score[id] = plane[cell];
                id++;
            }
        }
        out.total = id;
    }

    /**
     * A cell above the threshold (or NaN, which the negated compare lets in) is checked for finiteness before
     * the NMS tests: one compare on candidate cells only; cells not above the threshold, -inf among them, are
     * never peaks.
     */
    private int collectMaxima(int h, int w, int c) {
        int n = 0;
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - half);
            int y1 = Math.min(h - 1, y + half);
            for (int x = 0; x < w; x++) {
                float v = plane[y * w + x];
                if (v <= threshold) {
                    continue;
                }
                if (!(v <= Float.MAX_VALUE)) {
                    throw NonFinite.at("heatmaps", c, names.get(c), y, x, v);
                }
                if (!largerNeighbour(v, y, x, h, w)
                        && isWindowMax(v, y0, y1, Math.max(0, x - half), Math.min(w - 1, x + half), w)) {
                    candidates[n++] = y * w + x;
                }
            }
        }
        return n;
    }

    /** A cheap early "no" before the whole window: on a slope a direct neighbour is usually larger. */
    private boolean largerNeighbour(float v, int y, int x, int h, int w) {
        int c = y * w + x;
        return half > 0 && ((x > 0 && plane[c - 1] > v) || (x < w - 1 && plane[c + 1] > v)
                || (y > 0 && plane[c - w] > v) || (y < h - 1 && plane[c + w] > v));
    }

    private boolean isWindowMax(float v, int y0, int y1, int x0, int x1, int w) {
        for (int yy = y0; yy <= y1; yy++) {
            for (int xx = x0; xx <= x1; xx++) {
                if (plane[yy * w + xx] > v) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Orders the first {@code n} candidates by value (desc), raster index (asc); returns min(n, maxPeaks). */
    private int keepHighest(int n) {
        int kept = Math.min(n, maxPeaks);
        for (int i = 0; i < kept; i++) {
            int best = i;
            for (int j = i + 1; j < n; j++) {
                if (before(candidates[j], candidates[best])) {
                    best = j;
                }
            }
            int t = candidates[i];
            candidates[i] = candidates[best];
            candidates[best] = t;
        }
        return kept;
    }

    private boolean before(int a, int b) {
        float va = plane[a];
        float vb = plane[b];
        return va > vb || (va == vb && a < b);
    }

    private static float clip(float v, int max) {
        return v < 0f ? 0f : (v > max ? max : v);
    }
}
