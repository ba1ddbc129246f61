package io.posegate.grouping.synth;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Limb;
import io.posegate.grouping.Topology;
import java.nio.FloatBuffer;

/**
 * Renders the heatmaps and Part Affinity Fields that a perfect network would output for known
 * skeletons, the way training targets are generated for bottom-up pose networks: a Gaussian peak per
 * visible keypoint (the maximum over people where they overlap), and along each limb whose two ends
 * are visible a unit vector from the first keypoint to the second, written into every cell within
 * {@code limbWidth} of the segment (averaged where people overlap). A background channel, when the
 * topology has one, is {@code 1 - max(keypoint maps)}.
 *
 * <p>Coordinates are in map pixels where pixel i spans [i, i+1), so a keypoint at (x, y) peaks at cell
 * (floor(x), floor(y)) when x and y are cell centres (i + 0.5). Planar (CHW) and interleaved (HWC) maps get
 * the same values cell for cell. Not thread-safe; reuse per thread.
 */
public final class TargetRenderer {
    private final Topology topology;
    private final float sigma;
    private final float limbWidth;
    private float[] counts = new float[0];

    public TargetRenderer(Topology topology, float sigma, float limbWidth) {
        this.topology = topology;
        this.sigma = sigma;
        this.limbWidth = limbWidth;
    }

    /**
     * Renders into {@code heatmaps} and {@code pafs} (each in either layout, of the same height and width),
     * overwriting them.
     *
     * @param people people[p][k] = {x, y} in map pixels, or null when keypoint k of person p is absent
     */
    public void render(float[][][] people, FeatureMap heatmaps, FeatureMap pafs) {
        int h = heatmaps.height();
        int w = heatmaps.width();
        FloatBuffer hm = heatmaps.data();
        FloatBuffer paf = pafs.data();
        for (int i = 0; i < heatmaps.channels() * h * w; i++) {
            hm.put(i, 0f);
        }
        for (int i = 0; i < pafs.channels() * h * w; i++) {
            paf.put(i, 0f);
        }
        int radius = (int) Math.ceil(3 * sigma);
        for (float[][] person : people) {
            for (int k = 0; k < topology.keypointCount(); k++) {
                float[] p = person[k];
                if (p == null) {
                    continue;
                }
                int cx = (int) Math.floor(p[0]);
                int cy = (int) Math.floor(p[1]);
                for (int y = Math.max(0, cy - radius); y <= Math.min(h - 1, cy + radius); y++) {
                    for (int x = Math.max(0, cx - radius); x <= Math.min(w - 1, cx + radius); x++) {
                        float dx = x + 0.5f - p[0];
                        float dy = y + 0.5f - p[1];
                        float v = (float) Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                        int i = heatmaps.index(k, y, x);
                        if (v > hm.get(i)) {
                            hm.put(i, v);
                        }
                    }
                }
            }
        }
        if (counts.length < h * w) {
            counts = new float[h * w];
        }
        for (Limb limb : topology.limbs()) {
            java.util.Arrays.fill(counts, 0, h * w, 0f);
            for (float[][] person : people) {
                float[] a = person[limb.from()];
                float[] b = person[limb.to()];
                if (a != null && b != null) {
                    drawLimb(a, b, limb, pafs, h, w);
                }
            }
            for (int i = 0; i < h * w; i++) {
                if (counts[i] > 1) {
                    int ix = pafs.index(limb.pafX(), i / w, i % w);
                    int iy = pafs.index(limb.pafY(), i / w, i % w);
                    paf.put(ix, paf.get(ix) / counts[i]);
                    paf.put(iy, paf.get(iy) / counts[i]);
                }
            }
        }
        int bg = topology.backgroundChannel();
        if (bg >= 0 && bg < heatmaps.channels()) {
            for (int i = 0; i < h * w; i++) {
                float max = 0f;
                for (int k = 0; k < topology.keypointCount(); k++) {
                    max = Math.max(max, hm.get(heatmaps.index(k, i / w, i % w)));
                }
                hm.put(heatmaps.index(bg, i / w, i % w), 1f - max);
            }
        }
    }

    private void drawLimb(float[] a, float[] b, Limb limb, FeatureMap pafs, int h, int w) {
        float vx = b[0] - a[0];
        float vy = b[1] - a[1];
        float len = (float) Math.sqrt(vx * vx + vy * vy);
        if (len < 1e-6f) {
            return;
        }
        float ux = vx / len;
        float uy = vy / len;
        int x0 = Math.max(0, (int) Math.floor(Math.min(a[0], b[0]) - limbWidth));
        int x1 = Math.min(w - 1, (int) Math.ceil(Math.max(a[0], b[0]) + limbWidth));
        int y0 = Math.max(0, (int) Math.floor(Math.min(a[1], b[1]) - limbWidth));
        int y1 = Math.min(h - 1, (int) Math.ceil(Math.max(a[1], b[1]) + limbWidth));
        FloatBuffer paf = pafs.data();
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                float px = x + 0.5f - a[0];
                float py = y + 0.5f - a[1];
                float along = px * ux + py * uy;
                float across = Math.abs(px * uy - py * ux);
                if (along >= -0.5f && along <= len + 0.5f && across <= limbWidth) {
                    int ix = pafs.index(limb.pafX(), y, x);
                    int iy = pafs.index(limb.pafY(), y, x);
                    paf.put(ix, paf.get(ix) + ux);
                    paf.put(iy, paf.get(iy) + uy);
                    counts[y * w + x]++;
                }
            }
        }
    }
}
