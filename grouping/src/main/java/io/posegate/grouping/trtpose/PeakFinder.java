package io.posegate.grouping.trtpose;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.NonFinite;
import java.util.List;

/**
 * trt_pose's find_peaks and refine_peaks: a cell is a peak when it is &ge; the threshold and no cell in
 * its window is larger; at most M per channel in raster order. Refinement is the heatmap-weighted mean
 * of the window (reflecting at the borders) plus half a cell. Float operations follow trt_pose's order
 * so results match it bit for bit. Deliberate differences: where the window's weights sum to 0 (trt_pose
 * divides 0 by 0 and carries NaN on), the peak stays at its cell centre; and a candidate cell (not below
 * the threshold) holding NaN or +inf, which trt_pose would take as a peak, refuses the frame.
 */
final class PeakFinder {
    private final float threshold;
    private final int win;
    private final List<String> names;
    private float[] plane = new float[0];

    /** @param names the keypoint of each channel, for the error naming a non-finite value */
    PeakFinder(float threshold, int window, List<String> names) {
        this.threshold = threshold;
        this.win = window / 2;
        this.names = names;
    }

    void find(FeatureMap heatmaps, PeakTable out) {
        int h = heatmaps.height();
        int w = heatmaps.width();
        if (h <= win || w <= win) {
            throw new IllegalArgumentException("heatmaps " + h + "x" + w + " are too small for peak window "
                    + (2 * win + 1));
        }
        if (plane.length < h * w) {
            plane = new float[h * w];
        }
        for (int c = 0; c < out.channels; c++) {
            heatmaps.data().get(c * h * w, plane, 0, h * w);
            int count = scan(h, w, c, out);
            out.counts[c] = count;
            refine(h, w, c * out.maxPeaks, count, out);
        }
    }

    /**
     * Finds channel c's peaks. A cell that could be a peak (not below the threshold: NaN and +inf are not) is
     * checked for finiteness before it is taken, so the check costs one compare on candidate cells only; cells
     * below the threshold (-inf among them) are never peaks, and rows after the M-th peak are not read.
     *
     * @throws IllegalArgumentException naming the first non-finite candidate cell of the channel
     */
    private int scan(int h, int w, int c, PeakTable out) {
        float[] map = plane;
        int m = out.maxPeaks;
        int base = c * m;
        int count = 0;
        for (int i = 0; i < h && count < m; i++) {
            int row = i * w;
            if (!rowHasCandidate(map, row, w)) {
                continue;
            }
            for (int j = 0; j < w && count < m; j++) {
                float v = map[row + j];
                if (v < threshold) {
                    continue;
                }
                if (!(v <= Float.MAX_VALUE)) {
                    throw NonFinite.at("heatmaps", c, names.get(c), i, j, v); // trt_pose would take NaN as a peak
                }
                if (!isPeak(map, h, w, i, j, v)) {
                    continue;
                }
                out.rows[base + count] = i;
                out.cols[base + count] = j;
                out.values[base + count] = v;
                count++;
            }
        }
        return count;
    }

    /** Whether any cell of the row is not below the threshold (NaN counts, as trt_pose lets NaN through). */
    private boolean rowHasCandidate(float[] map, int row, int w) {
        boolean any = false;
        for (int j = row; j < row + w; j++) {
            any |= !(map[j] < threshold);
        }
        return any;
    }

    private boolean isPeak(float[] map, int h, int w, int i, int j, float v) {
        // on a slope a direct neighbour is usually larger: a cheap early "no" before the whole window
        int c = i * w + j;
        if (win > 0 && ((j > 0 && map[c - 1] > v) || (j < w - 1 && map[c + 1] > v) || (i > 0 && map[c - w] > v)
                || (i < h - 1 && map[c + w] > v))) {
            return false;
        }
        int i1 = Math.min(i + win + 1, h);
        int j0 = Math.max(j - win, 0);
        int j1 = Math.min(j + win + 1, w);
        for (int ii = Math.max(i - win, 0); ii < i1; ii++) {
            int row = ii * w;
            for (int jj = j0; jj < j1; jj++) {
                if (map[row + jj] > v) {
                    return false;
                }
            }
        }
        return true;
    }

    private void refine(int h, int w, int base, int count, PeakTable out) {
        float[] map = plane;
        for (int m = base; m < base + count; m++) {
            int i = out.rows[m];
            int j = out.cols[m];
            float sumY = 0f;
            float sumX = 0f;
            float sum = 0f;
            for (int ii = i - win; ii <= i + win; ii++) {
                int row = reflect(ii, h) * w;
                for (int jj = j - win; jj <= j + win; jj++) {
                    float v = map[row + reflect(jj, w)];
                    sumY += v * ii;
                    sumX += v * jj;
                    sum += v;
                }
            }
            // trt_pose adds the double 0.5 to a float, then divides by the int size in float
            float py = (float) ((double) (sumY / sum) + 0.5);
            float px = (float) ((double) (sumX / sum) + 0.5);
            if (!Float.isFinite(py) || !Float.isFinite(px)) {
                // window weights summing to 0: trt_pose would produce NaN here; use the cell centre
                py = i + 0.5f;
                px = j + 0.5f;
            }
            out.pixelY[m] = py;
            out.pixelX[m] = px;
            out.normY[m] = py / h;
            out.normX[m] = px / w;
        }
    }

    private static int reflect(int i, int n) {
        if (i < 0) {
            return -i;
        }
        return i >= n ? n - (i - n) - 2 : i;
    }
}
