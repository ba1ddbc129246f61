package io.posegate.grouping.trtpose;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Limb;
import io.posegate.grouping.Topology;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A plain, allocating transcription of trt_pose's parser as its C++ lays it out: peaks [C][M][2],
 * refined peaks normalised to [0, 1], a [K][M][M] score graph, Munkres per limb on an M-strided cost
 * matrix, [K][2][M] connections and a queue-based connect_parts. The parity oracle and the JMH
 * baseline for {@link TrtPoseGrouper}.
 */
final class ReferenceTrtPose {
    record Result(int[] counts, int[] peaks, float[] refined, int[] connections, int objectCount, int[] objects) {
    }

    private ReferenceTrtPose() {
    }

    static Result parse(FeatureMap cmap, FeatureMap paf, Topology topology, GroupingParams p) {
        int c = topology.keypointCount();
        int k = topology.limbs().size();
        int m = p.maxPeaks();
        int h = cmap.height();
        int w = cmap.width();
        int[] counts = new int[c];
        int[] peaks = new int[c * m * 2];
        float[] refined = new float[c * m * 2];
        for (int ch = 0; ch < c; ch++) {
            findPeaks(cmap, ch, h, w, m, p.peakThreshold(), p.window(), counts, peaks);
            refinePeaks(cmap, ch, h, w, m, p.window(), counts, peaks, refined);
        }
        float[] scoreGraph = new float[k * m * m];
        int[] connections = new int[k * 2 * m];
        Arrays.fill(connections, -1);
        for (int l = 0; l < k; l++) {
            Limb limb = topology.limbs().get(l);
            pafScoreGraph(paf, limb, h, w, m, p.samples(), counts, refined, scoreGraph, l * m * m);
            assignment(scoreGraph, l * m * m, counts[limb.from()], counts[limb.to()], m, p.linkThreshold(),
                    connections, l * 2 * m);
        }
        int[] objects = new int[p.maxPeople() * c];
        int objectCount = connectParts(topology, connections, counts, c, m, p.maxPeople(), objects);
        return new Result(counts, peaks, refined, connections, objectCount, objects);
    }

    private static void findPeaks(FeatureMap cmap, int ch, int h, int w, int m, float threshold, int window,
            int[] counts, int[] peaks) {
        int win = window / 2;
        int count = 0;
        for (int i = 0; i < h && count < m; i++) {
            for (int j = 0; j < w && count < m; j++) {
                float val = cmap.get(ch, i, j);
                if (val < threshold) {
                    continue;
                }
                boolean isPeak = true;
                for (int ii = Math.max(i - win, 0); ii < Math.min(i + win + 1, h); ii++) {
                    for (int jj = Math.max(j - win, 0); jj < Math.min(j + win + 1, w); jj++) {
                        if (cmap.get(ch, ii, jj) > val) {
                            isPeak = false;
                        }
                    }
                }
                if (isPeak) {
                    peaks[(ch * m + count) * 2] = i;
                    peaks[(ch * m + count) * 2 + 1] = j;
                    count++;
                }
            }
        }
        counts[ch] = count;
    }

    private static int reflect(int idx, int min, int max) {
        if (idx < min) {
            return -idx;
        } else if (idx >= max) {
            return max - (idx - max) - 2;
        }
        return idx;
    }

    private static void refinePeaks(FeatureMap cmap, int ch, int h, int w, int m, int window, int[] counts,
            int[] peaks, float[] refined) {
        int win = window / 2;
        for (int n = 0; n < counts[ch]; n++) {
            int at = (ch * m + n) * 2;
            refined[at] = 0f;
            refined[at + 1] = 0f;
            int i = peaks[at];
            int j = peaks[at + 1];
            float weightSum = 0f;
            for (int ii = i - win; ii < i + win + 1; ii++) {
                int iiIdx = reflect(ii, 0, h);
                for (int jj = j - win; jj < j + win + 1; jj++) {
                    int jjIdx = reflect(jj, 0, w);
                    float weight = cmap.get(ch, iiIdx, jjIdx);
                    refined[at] += weight * ii;
                    refined[at + 1] += weight * jj;
                    weightSum += weight;
                }
            }
            refined[at] /= weightSum;
            refined[at + 1] /= weightSum;
            refined[at] = (float) (refined[at] + 0.5);
            refined[at + 1] = (float) (refined[at + 1] + 0.5);
            refined[at] /= h;
            refined[at + 1] /= w;
        }
    }

    private static void pafScoreGraph(FeatureMap paf, Limb limb, int h, int w, int m, int samples, int[] counts,
            float[] refined, float[] graph, int graphBase) {
        int ca = limb.from();
        int cb = limb.to();
        for (int a = 0; a < counts[ca]; a++) {
            float paI = refined[(ca * m + a) * 2] * h;
            float paJ = refined[(ca * m + a) * 2 + 1] * w;
            for (int b = 0; b < counts[cb]; b++) {
                float pbI = refined[(cb * m + b) * 2] * h;
                float pbJ = refined[(cb * m + b) * 2 + 1] * w;
                float pabI = pbI - paI;
                float pabJ = pbJ - paJ;
                float pabNorm = (float) ((float) Math.sqrt(pabI * pabI + pabJ * pabJ) + 1e-5);
                float uabI = pabI / pabNorm;
                float uabJ = pabJ / pabNorm;
                float integral = 0f;
                for (int t = 0; t < samples; t++) {
                    float progress = (float) t / ((float) samples - 1);
                    float ptI = paI + progress * pabI;
                    float ptJ = paJ + progress * pabJ;
                    int ptIInt = (int) ptI;
                    int ptJInt = (int) ptJ;
                    if (ptIInt < 0 || ptIInt >= h || ptJInt < 0 || ptJInt >= w) {
                        continue;
                    }
                    float ptPafI = paf.get(limb.pafY(), ptIInt, ptJInt);
                    float ptPafJ = paf.get(limb.pafX(), ptIInt, ptJInt);
                    float dot = ptPafI * uabI + ptPafJ * uabJ;
                    integral += dot;
                }
                integral /= samples;
                graph[graphBase + a * m + b] = integral;
            }
        }
    }

    private static void assignment(float[] graph, int base, int countA, int countB, int m, float threshold,
            int[] connections, int connBase) {
        float[] cost = new float[m * m];
        for (int i = 0; i < countA; i++) {
            for (int j = 0; j < countB; j++) {
                cost[i * m + j] = -graph[base + i * m + j];
            }
        }
        int[] starColOfRow = ReferenceMunkres.solve(cost, m, countA, countB);
        for (int i = 0; i < countA; i++) {
            for (int j = 0; j < countB; j++) {
                if (starColOfRow[i] == j && graph[base + i * m + j] > threshold) {
                    connections[connBase + i] = j;
                    connections[connBase + m + j] = i;
                }
            }
        }
    }

    private static int connectParts(Topology topology, int[] connections, int[] counts, int c, int m, int p,
            int[] objects) {
        Arrays.fill(objects, -1);
        int[] visited = new int[c * m];
        int numObjects = 0;
        for (int ch = 0; ch < c; ch++) {
            if (numObjects >= p) {
                break;
            }
            for (int i = 0; i < counts[ch]; i++) {
                if (numObjects >= p) {
                    break;
                }
                ArrayDeque<int[]> q = new ArrayDeque<>();
                boolean newObject = false;
                q.add(new int[] {ch, i});
                while (!q.isEmpty()) {
                    int[] node = q.poll();
                    int cn = node[0];
                    int in = node[1];
                    if (visited[cn * m + in] != 0) {
                        continue;
                    }
                    visited[cn * m + in] = 1;
                    newObject = true;
                    objects[numObjects * c + cn] = in;
                    for (int k = 0; k < topology.limbs().size(); k++) {
                        Limb limb = topology.limbs().get(k);
                        if (limb.from() == cn && connections[k * 2 * m + in] >= 0) {
                            q.add(new int[] {limb.to(), connections[k * 2 * m + in]});
                        }
                        if (limb.to() == cn && connections[k * 2 * m + m + in] >= 0) {
                            q.add(new int[] {limb.from(), connections[k * 2 * m + m + in]});
                        }
                    }
                }
                if (newObject) {
                    numObjects++;
                }
            }
        }
        return numObjects;
    }
}
