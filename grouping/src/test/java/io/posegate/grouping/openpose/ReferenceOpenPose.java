package io.posegate.grouping.openpose;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Limb;
import io.posegate.grouping.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A plain, allocating transcription of Open Model Zoo's OpenPoseDecoder with NumPy's float32/float64
 * semantics spelled out: max-pool NMS, top-k, quarter-cell refinement, +0.5 shift, candidate limbs
 * scored B-major, connection NMS, pose entries as float32 vectors [ids..., score, count]. The parity
 * oracle and the JMH baseline for {@link OpenPoseGrouper}.
 */
final class ReferenceOpenPose {
    record Person(float score, float[][] keypoints) {
    }

    private ReferenceOpenPose() {
    }

    static List<Person> decode(FeatureMap heatmaps, FeatureMap pafs, Topology topology, GroupingParams p) {
        int joints = topology.keypointCount();
        List<float[]> all = new ArrayList<>();
        List<List<float[]>> byType = new ArrayList<>();
        for (int k = 0; k < joints; k++) {
            List<float[]> kps = extract(heatmaps, k, p);
            for (float[] kp : kps) {
                kp[3] = all.size();
                all.add(kp);
            }
            byType.add(kps);
        }
        List<float[]> entries = new ArrayList<>();
        for (Limb limb : topology.limbs()) {
            List<float[]> a = byType.get(limb.from());
            List<float[]> b = byType.get(limb.to());
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            for (double[] c : connections(pafs, limb, a, b, p)) {
                update(entries, limb.from(), limb.to(), (int) c[0], (int) c[1], c[2], all, joints);
            }
        }
        List<Person> people = new ArrayList<>();
        for (float[] e : entries) {
            if (e[joints + 1] < 3) {
                continue;
            }
            float[][] kps = new float[joints][];
            for (int j = 0; j < joints; j++) {
                if (e[j] != -1 && e[j] < all.size()) {
                    float[] kp = all.get((int) e[j]);
                    kps[j] = new float[] {kp[0], kp[1], kp[2]};
                }
            }
            people.add(new Person(e[joints] * Math.max(0f, e[joints + 1] - 1), kps));
        }
        return people;
    }

    private static List<float[]> extract(FeatureMap hm, int k, GroupingParams p) {
        int h = hm.height();
        int w = hm.width();
        int pad = (p.window() - 1) / 2;
        float[] nms = new float[h * w];
        List<Integer> cells = new ArrayList<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float pooled = -Float.MAX_VALUE;
                for (int yy = Math.max(0, y - pad); yy <= Math.min(h - 1, y + pad); yy++) {
                    for (int xx = Math.max(0, x - pad); xx <= Math.min(w - 1, x + pad); xx++) {
                        pooled = Math.max(pooled, hm.get(k, yy, xx));
                    }
                }
                nms[y * w + x] = hm.get(k, y, x) == pooled ? hm.get(k, y, x) : 0f;
                cells.add(y * w + x);
            }
        }
        cells.sort(Comparator.comparingDouble((Integer i) -> -nms[i]).thenComparingInt(i -> i));
        List<float[]> out = new ArrayList<>();
        for (int r = 0; r < Math.min(p.maxPeaks(), cells.size()); r++) {
            int cell = cells.get(r);
            float score = nms[cell];
            if (!(score > p.peakThreshold())) {
                continue;
            }
            int cx = cell % w;
            int cy = cell / w;
            float x = cx;
            float y = cy;
            if (cx > 0 && cx < w - 1 && cy > 0 && cy < h - 1) {
                x += Math.signum(hm.get(k, cy, cx + 1) - hm.get(k, cy, cx - 1)) * 0.25f;
                y += Math.signum(hm.get(k, cy + 1, cx) - hm.get(k, cy - 1, cx)) * 0.25f;
            }
            x = Math.min(Math.max(x, 0f), w - 1);
            y = Math.min(Math.max(y, 0f), h - 1);
            x = Math.min(Math.max(x + 0.5f, 0f), w - 1);
            y = Math.min(Math.max(y + 0.5f, 0f), h - 1);
            out.add(new float[] {x, y, score, 0});
        }
        return out;
    }

    /** (idA, idB, score) in the order the decoder applies them. */
    private static List<double[]> connections(FeatureMap pafs, Limb limb, List<float[]> a, List<float[]> b,
            GroupingParams p) {
        int n = a.size();
        int samples = p.samples();
        List<double[]> candidates = new ArrayList<>();
        for (int bi = 0; bi < b.size(); bi++) {
            for (int ai = 0; ai < n; ai++) {
                float[] pa = a.get(ai);
                float[] pb = b.get(bi);
                float vx = pb[0] - pa[0];
                float vy = pb[1] - pa[1];
                float stepX = (float) (1.0 / (samples - 1)) * vx;
                float stepY = (float) (1.0 / (samples - 1)) * vy;
                float norm = (float) Math.sqrt(vx * vx + vy * vy);
                float ux = vx / (norm + (float) 1e-6);
                float uy = vy / (norm + (float) 1e-6);
                float[] masked = new float[samples];
                int validNum = 0;
                for (int t = 0; t < samples; t++) {
                    int x = (int) Math.rint(stepX * (float) t + pa[0]);
                    int y = (int) Math.rint(stepY * (float) t + pa[1]);
                    float aff = pafs.get(limb.pafX(), y, x) * ux + pafs.get(limb.pafY(), y, x) * uy;
                    boolean valid = aff > p.linkThreshold();
                    masked[t] = valid ? aff : 0f;
                    validNum += valid ? 1 : 0;
                }
                double score = numpySum(masked) / (validNum + 1e-6);
                double ratio = validNum / (double) samples;
                if (score > 0 && ratio > 0.8) {
                    candidates.add(new double[] {pa[3], pb[3], score, bi * n + ai});
                }
            }
        }
        candidates.sort(Comparator.comparingDouble((double[] c) -> c[2]));
        List<double[]> out = new ArrayList<>();
        List<Double> usedA = new ArrayList<>();
        List<Double> usedB = new ArrayList<>();
        for (int r = candidates.size() - 1; r >= 0; r--) {
            double[] c = candidates.get(r);
            if (!usedA.contains(c[0]) && !usedB.contains(c[1])) {
                usedA.add(c[0]);
                usedB.add(c[1]);
                out.add(c);
            }
        }
        return out;
    }

    /** NumPy's pairwise float32 sum: blocks of eight partial sums, then the tail in order. */
    private static float numpySum(float[] v) {
        if (v.length < 8) {
            float s = 0f;
            for (float x : v) {
                s += x;
            }
            return s;
        }
        float[] r = new float[8];
        System.arraycopy(v, 0, r, 0, 8);
        int i = 8;
        for (; i < v.length - v.length % 8; i += 8) {
            for (int j = 0; j < 8; j++) {
                r[j] += v[i + j];
            }
        }
        float s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < v.length; i++) {
            s += v[i];
        }
        return s;
    }

    private static void update(List<float[]> entries, int ja, int jb, int ida, int idb, double score,
            List<float[]> all, int joints) {
        int poseA = -1;
        int poseB = -1;
        for (int j = 0; j < entries.size(); j++) {
            if (entries.get(j)[ja] == ida) {
                poseA = j;
            }
            if (entries.get(j)[jb] == idb) {
                poseB = j;
            }
        }
        int s = joints;
        int c = joints + 1;
        if (poseA < 0 && poseB < 0) {
            float[] e = new float[joints + 2];
            java.util.Arrays.fill(e, -1f);
            e[ja] = ida;
            e[jb] = idb;
            e[c] = 2;
            e[s] = (float) ((all.get(ida)[2] + all.get(idb)[2]) + score);
            entries.add(e);
        } else if (poseA >= 0 && poseB >= 0 && poseA != poseB) {
            float[] pa = entries.get(poseA);
            float[] pb = entries.get(poseB);
            boolean disjoint = true;
            for (int j = 0; j < joints; j++) {
                disjoint &= pa[j] == pb[j] || pa[j] < 0 || pb[j] < 0;
            }
            if (disjoint) {
                for (int j = 0; j < joints + 2; j++) {
                    pa[j] += pb[j];
                }
                for (int j = 0; j < joints; j++) {
                    pa[j] += 1;
                }
                pa[s] = (float) (pa[s] + score);
                entries.remove(poseB);
            }
        } else if (poseA >= 0 && poseB >= 0) {
            entries.get(poseA)[s] = (float) (entries.get(poseA)[s] + score);
        } else if (poseA >= 0) {
            extend(entries.get(poseA), jb, idb, score, all, s, c);
        } else {
            extend(entries.get(poseB), ja, ida, score, all, s, c);
        }
    }

    private static void extend(float[] pose, int joint, int id, double score, List<float[]> all, int s, int c) {
        if (pose[joint] < 0) {
            pose[s] += all.get(id)[2];
        }
        pose[joint] = id;
        pose[s] = (float) (pose[s] + score);
        pose[c] += 1;
    }
}
