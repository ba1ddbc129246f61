package io.posegate.gateway.eval;

import io.posegate.gateway.demo.DemoScene.TruthPerson;
import io.posegate.grouping.Poses;
import io.posegate.grouping.metrics.MotFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one frame's ground truth and published people into a {@link MotFrame}: distance 1 - OKS, where
 * OKS is COCO's over the truth's visible keypoints (a missing keypoint scores 0) with the whole body's box
 * area as scale, and pairs below {@code minOks} may not match. Ground-truth people with fewer than
 * {@code minKeypoints} visible keypoints are "don't care": not objects, and a published person that
 * matches one of them and no object is left out instead of counted as a false positive.
 */
public final class TruthMatcher {
    private final float[] sigmas;
    private final int minKeypoints;
    private final float minOks;
    private int untracked = 1_000_000;

    public TruthMatcher(float[] sigmas, int minKeypoints, float minOks) {
        this.sigmas = sigmas.clone();
        this.minKeypoints = minKeypoints;
        this.minOks = minOks;
    }

    public MotFrame match(List<TruthPerson> truth, Poses poses) {
        List<TruthPerson> objects = new ArrayList<>();
        List<TruthPerson> ignored = new ArrayList<>();
        for (TruthPerson t : truth) {
            (visible(t) >= minKeypoints ? objects : ignored).add(t);
        }
        List<Integer> hyps = new ArrayList<>();
        List<float[]> columns = new ArrayList<>();
        for (int p = 0; p < poses.count(); p++) {
            float[] column = new float[objects.size()];
            boolean any = false;
            for (int o = 0; o < objects.size(); o++) {
                double oks = oks(objects.get(o), poses, p);
                column[o] = oks >= minOks ? (float) (1 - oks) : Float.NaN;
                any |= oks >= minOks;
            }
            boolean dontCare = false;
            for (TruthPerson t : ignored) {
                dontCare |= oks(t, poses, p) >= minOks;
            }
            if (!any && dontCare) {
                continue;
            }
            hyps.add(poses.id(p) >= 0 ? poses.id(p) : untracked++);
            columns.add(column);
        }
        int[] oids = objects.stream().mapToInt(TruthPerson::id).toArray();
        int[] hids = hyps.stream().mapToInt(Integer::intValue).toArray();
        float[] d = new float[oids.length * hids.length];
        for (int o = 0; o < oids.length; o++) {
            for (int h = 0; h < hids.length; h++) {
                d[o * hids.length + h] = columns.get(h)[o];
            }
        }
        return new MotFrame(oids, hids, d);
    }

    static int visible(TruthPerson t) {
        int n = 0;
        for (float[] j : t.keypoints()) {
            n += j == null ? 0 : 1;
        }
        return n;
    }

    double oks(TruthPerson t, Poses poses, int p) {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < t.keypoints().length; k++) {
            float[] j = t.keypoints()[k];
            if (j == null) {
                continue;
            }
            n++;
            if (poses.present(p, k)) {
                double dx = poses.x(p, k) - j[0];
                double dy = poses.y(p, k) - j[1];
                double kappa = 2 * sigmas[k];
                sum += Math.exp(-(dx * dx + dy * dy) / (2 * t.area() * kappa * kappa));
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
