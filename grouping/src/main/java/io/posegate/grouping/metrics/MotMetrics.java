package io.posegate.grouping.metrics;

import io.posegate.grouping.trtpose.Munkres;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CLEAR-MOT (MOTA, identity switches) and IDF1 over a sequence of {@link MotFrame}s, computed the way
 * PyPI {@code motmetrics} (its {@code MOTAccumulator} and {@code id_global_assignment}) computes them:
 * <ul>
 * <li>per frame, each object in turn (in the frame's order) first takes again the hypothesis it was last
 * matched to, in whatever earlier frame (motmetrics' {@code self.m}, not only the previous frame's
 * pairs), when that hypothesis is present, not yet taken and at a finite distance; the others are matched
 * by a minimum-distance assignment of the most pairs over finite distances; a match whose object was last
 * matched to another hypothesis is a switch; unmatched objects are misses, unmatched hypotheses false
 * positives;</li>
 * <li>IDF1 from the one-to-one object/hypothesis id assignment over the whole sequence that maximises
 * the frames in which the pair is within a finite distance.</li>
 * </ul>
 * Both assignments use the module's Hungarian solver. Not for hot paths: allocates freely.
 */
public final class MotMetrics {
    private MotMetrics() {
    }

    public static MotSummary compute(List<MotFrame> frames) {
        Map<Integer, Integer> lastHyp = new HashMap<>();
        int objects = 0;
        int predictions = 0;
        int matches = 0;
        int switches = 0;
        int fps = 0;
        int misses = 0;
        for (MotFrame f : frames) {
            int no = f.objects().length;
            int nh = f.hypotheses().length;
            objects += no;
            predictions += nh;
            int[] objHyp = new int[no];
            boolean[] kept = new boolean[no];
            boolean[] hypTaken = new boolean[nh];
            java.util.Arrays.fill(objHyp, -1);
            for (int o = 0; o < no; o++) {
                Integer prev = lastHyp.get(f.objects()[o]);
                for (int h = 0; prev != null && h < nh; h++) {
                    if (f.hypotheses()[h] == prev && !hypTaken[h] && Float.isFinite(f.distance(o, h))) {
                        objHyp[o] = h;
                        hypTaken[h] = true;
                        kept[o] = true;
                        matches++;
                        break;
                    }
                }
            }
            assignRest(f, objHyp, hypTaken);
            for (int o = 0; o < no; o++) {
                int oid = f.objects()[o];
                if (objHyp[o] < 0) {
                    misses++;
                    continue;
                }
                int hid = f.hypotheses()[objHyp[o]];
                if (!kept[o]) {
                    Integer last = lastHyp.get(oid);
                    if (last != null && last != hid) {
                        switches++;
                    } else {
                        matches++;
                    }
                }
                lastHyp.put(oid, hid);
            }
            for (int h = 0; h < nh; h++) {
                fps += hypTaken[h] ? 0 : 1;
            }
        }
        return new MotSummary(frames.size(), objects, predictions, matches, switches, fps, misses, idtp(frames));
    }

    /** Minimum-distance assignment of the objects and hypotheses not yet matched, over finite distances. */
    private static void assignRest(MotFrame f, int[] objHyp, boolean[] hypTaken) {
        int no = f.objects().length;
        int nh = f.hypotheses().length;
        int[] rows = new int[no];
        int[] cols = new int[nh];
        int nr = 0;
        int nc = 0;
        for (int o = 0; o < no; o++) {
            if (objHyp[o] < 0) {
                rows[nr++] = o;
            }
        }
        for (int h = 0; h < nh; h++) {
            if (!hypTaken[h]) {
                cols[nc++] = h;
            }
        }
        if (nr == 0 || nc == 0) {
            return;
        }
        float big = 1f;
        for (float d : f.distances()) {
            if (Float.isFinite(d)) {
                big = Math.max(big, Math.abs(d) * 4 + 1);
            }
        }
        float[] cost = new float[nr * nc];
        for (int i = 0; i < nr; i++) {
            for (int j = 0; j < nc; j++) {
                float d = f.distance(rows[i], cols[j]);
                cost[i * nc + j] = Float.isFinite(d) ? d : big * Math.max(nr, nc);
            }
        }
        Munkres m = new Munkres(Math.max(nr, nc));
        m.solve(cost, nc, nr, nc);
        for (int i = 0; i < nr; i++) {
            int j = m.starColumn(i);
            if (j >= 0 && Float.isFinite(f.distance(rows[i], cols[j]))) {
                objHyp[rows[i]] = cols[j];
                hypTaken[cols[j]] = true;
            }
        }
    }

    /** Identity true positives of the best one-to-one id assignment over the sequence. */
    static int idtp(List<MotFrame> frames) {
        Map<Integer, Integer> oIndex = new HashMap<>();
        Map<Integer, Integer> hIndex = new HashMap<>();
        for (MotFrame f : frames) {
            for (int o : f.objects()) {
                oIndex.putIfAbsent(o, oIndex.size());
            }
            for (int h : f.hypotheses()) {
                hIndex.putIfAbsent(h, hIndex.size());
            }
        }
        int no = oIndex.size();
        int nh = hIndex.size();
        if (no == 0 || nh == 0) {
            return 0;
        }
        int[][] together = new int[no][nh];
        for (MotFrame f : frames) {
            for (int o = 0; o < f.objects().length; o++) {
                for (int h = 0; h < f.hypotheses().length; h++) {
                    if (Float.isFinite(f.distance(o, h))) {
                        together[oIndex.get(f.objects()[o])][hIndex.get(f.hypotheses()[h])]++;
                    }
                }
            }
        }
        int max = 0;
        for (int[] row : together) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        float[] cost = new float[no * nh];
        for (int o = 0; o < no; o++) {
            for (int h = 0; h < nh; h++) {
                cost[o * nh + h] = max - together[o][h];
            }
        }
        Munkres m = new Munkres(Math.max(no, nh));
        m.solve(cost, nh, no, nh);
        int tp = 0;
        for (int o = 0; o < no; o++) {
            int h = m.starColumn(o);
            tp += h >= 0 ? together[o][h] : 0;
        }
        return tp;
    }
}
