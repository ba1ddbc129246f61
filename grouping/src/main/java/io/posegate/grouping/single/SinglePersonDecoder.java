package io.posegate.grouping.single;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.NonFinite;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.DecoderInputs;
import io.posegate.grouping.decode.OutputRoles;
import io.posegate.grouping.decode.PoseDecoder;
import java.util.List;

/**
 * Single-person decoding as stacked-hourglass and CPM networks are decoded: per keypoint channel, an
 * optional Gaussian blur, the argmax (first in raster order on ties), a sub-cell refinement, and the
 * keypoint's threshold. The keypoint score is the (blurred) map's value at the peak; the person's score
 * is the mean over the keypoints kept. A frame where no keypoint passes gives no person. Coordinates are
 * in cells, cell i spanning [i, i+1) (the peak cell's centre is i + 0.5). A keypoint channel whose maximum is NaN
 * (a NaN first cell, which no cell beats) or an infinity (a broken network output) refuses the frame, naming
 * the first such cell; a NaN elsewhere is never the maximum. One thread at a time; no allocation once warmed up on maps of one size.
 */
final class SinglePersonDecoder implements PoseDecoder {
    private final Topology topology;
    private final SinglePersonParams params;
    private final GaussianBlur blur;
    private final float[] xs;
    private final float[] ys;
    private final float[] scores;
    private float[] plane = new float[0];

    SinglePersonDecoder(Topology topology, SinglePersonParams params) {
        this.topology = topology;
        this.params = params;
        this.blur = params.blurKernel() > 1 ? new GaussianBlur(params.blurKernel(), params.blurSigma()) : null;
        int k = topology.keypointCount();
        this.xs = new float[k];
        this.ys = new float[k];
        this.scores = new float[k];
    }

    @Override
    public String name() {
        return SinglePersonDecoderFactory.NAME;
    }

    @Override
    public Topology topology() {
        return topology;
    }

    @Override
    public List<String> roles() {
        return SinglePersonDecoderFactory.ROLES;
    }

    /** @throws IllegalArgumentException also naming the first non-finite cell of a keypoint channel */
    @Override
    public void decode(DecoderInputs maps, Poses out) {
        FeatureMap hm = maps.require(OutputRoles.HEATMAPS);
        int keypoints = topology.keypointCount();
        if (hm.channels() < keypoints) {
            throw new IllegalArgumentException("single-person heatmaps have " + hm.channels()
                    + " channels but topology " + topology.name() + " has " + keypoints + " keypoints");
        }
        if (out.keypointCount() != keypoints) {
            throw new IllegalArgumentException("poses hold " + out.keypointCount() + " keypoints but topology "
                    + topology.name() + " has " + keypoints);
        }
        out.clear();
        int h = hm.height();
        int w = hm.width();
        if (plane.length < h * w) {
            plane = new float[h * w];
        }
        int kept = 0;
        float sum = 0f;
        for (int k = 0; k < keypoints; k++) {
            copyPlane(hm, k, h, w);
            if (blur != null) {
                blur.apply(plane, h, w);
            }
            int best = 0;
            for (int i = 1; i < h * w; i++) {
                if (plane[i] > plane[best]) {
                    best = i;
                }
            }
            if (!(plane[best] <= Float.MAX_VALUE) || plane[best] == Float.NEGATIVE_INFINITY) {
                // the maximum is NaN (a NaN first cell, which no cell beats) or an infinity: name the bad cell in the
                // network's map, or in the blurred one (the blur spreads a bad cell, or overflowed)
                NonFinite.requireFinite(hm, OutputRoles.HEATMAPS, k, topology.keypoints().get(k));
                NonFinite.requireFinite(plane, h, w, "blurred heatmaps", k, topology.keypoints().get(k));
            }
            float score = plane[best];
            scores[k] = 0f;
            if (score >= params.thresholds()[k] && score > 0f) {
                locate(best % w, best / w, h, w, k);
                scores[k] = score;
                sum += score;
                kept++;
            }
        }
        if (kept == 0) {
            return;
        }
        int p = out.add(sum / kept);
        if (p < 0) {
            return;
        }
        for (int k = 0; k < keypoints; k++) {
            if (scores[k] > 0f) {
                out.setKeypoint(p, k, xs[k], ys[k], scores[k]);
            }
        }
    }

    private void copyPlane(FeatureMap hm, int k, int h, int w) {
        if (hm.layout() == FeatureMap.Layout.CHW) {
            hm.data().get(k * h * w, plane, 0, h * w);
        } else {
            int c = hm.channels();
            for (int i = 0; i < h * w; i++) {
                plane[i] = hm.data().get(i * c + k);
            }
        }
    }

    private void locate(int x, int y, int h, int w, int k) {
        float dx = 0f;
        float dy = 0f;
        switch (params.refine()) {
            case QUARTER -> {
                if (x > 0 && x < w - 1) {
                    dx = 0.25f * Math.signum(plane[y * w + x + 1] - plane[y * w + x - 1]);
                }
                if (y > 0 && y < h - 1) {
                    dy = 0.25f * Math.signum(plane[(y + 1) * w + x] - plane[(y - 1) * w + x]);
                }
            }
            case DARK -> {
                long packed = Taylor.offset(plane, h, w, x, y);
                dx = Taylor.dx(packed);
                dy = Taylor.dy(packed);
            }
            default -> {
            }
        }
        xs[k] = x + 0.5f + dx;
        ys[k] = y + 0.5f + dy;
    }
}
