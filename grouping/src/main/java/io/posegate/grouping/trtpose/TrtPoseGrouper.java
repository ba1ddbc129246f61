package io.posegate.grouping.trtpose;

import static java.util.Objects.requireNonNull;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Grouper;
import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Limb;
import io.posegate.grouping.MapChecks;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topology;
import java.util.Arrays;

/**
 * NVIDIA trt_pose's parser (find_peaks, refine_peaks, paf_score_graph, Munkres assignment,
 * connect_parts) over a reusable workspace, bit-identical to it in float32.
 *
 * <p>Parameters: {@code peakThreshold} = cmap_threshold (peaks &ge; it), {@code linkThreshold} =
 * link_threshold (assigned pairs scoring &gt; it), {@code window} = cmap_window (peak window and
 * refinement window), {@code samples} = line_integral_samples, {@code maxPeaks} = M,
 * {@code maxPeople} = P. A keypoint's score is the heatmap value at its peak; a person's score is the
 * mean of its keypoint scores. The background channel, if any, is ignored.
 *
 * <p>A non-finite value (NaN, an infinity: a broken network output) in a keypoint heatmap, or in a PAF cell
 * a limb is sampled at, refuses the frame with an {@link IllegalArgumentException} naming the map, channel
 * and cell. It is found on the scans the parser already makes, so finite maps cost nothing more and give
 * trt_pose's results unchanged (trt_pose itself takes a NaN heatmap cell as a peak).
 *
 * <p>One thread at a time; allocates nothing after the first frame of a given size.
 */
public final class TrtPoseGrouper implements Grouper {
    public static final String STRATEGY = "trt_pose";
    private final Topology topology;
    private final GroupingParams params;
    private final PeakTable peaks;
    private final PeakFinder finder;
    private final PafScorer scorer;
    private final Munkres munkres;
    private final PartConnector connector;
    private final int[] limbFrom;
    private final int[] limbTo;
    private final float[] scores;
    private final int[] connections;
    private final float[] costBuffer;

    public TrtPoseGrouper(Topology topology, GroupingParams params) {
        this.topology = requireNonNull(topology, "topology is null");
        this.params = requireNonNull(params, "params is null");
        int m = params.maxPeaks();
        int k = topology.limbs().size();
        limbFrom = new int[k];
        limbTo = new int[k];
        for (int i = 0; i < k; i++) {
            limbFrom[i] = topology.limbs().get(i).from();
            limbTo[i] = topology.limbs().get(i).to();
        }
        peaks = new PeakTable(topology.keypointCount(), m);
        finder = new PeakFinder(params.peakThreshold(), params.window(), topology.keypoints());
        scorer = new PafScorer(params.samples());
        munkres = new Munkres(m);
        connector = new PartConnector(topology.keypointCount(), m, params.maxPeople(), limbFrom, limbTo);
        scores = new float[m * m];
        connections = new int[k * 2 * m];
        costBuffer = new float[m * m];
    }

    @Override
    public String strategy() {
        return STRATEGY;
    }

    @Override
    public void group(FeatureMap heatmaps, FeatureMap pafs, Poses out) {
        MapChecks.check(topology, heatmaps, pafs, out);
        finder.find(heatmaps, peaks);
        assignLimbs(pafs);
        connector.connect(connections, peaks.counts);
        emit(out);
    }

    private void assignLimbs(FeatureMap pafs) {
        int h = pafs.height();
        int w = pafs.width();
        int m = params.maxPeaks();
        Arrays.fill(connections, -1);
        for (int k = 0; k < limbFrom.length; k++) {
            Limb limb = topology.limbs().get(k);
            int rows = peaks.counts[limbFrom[k]];
            int cols = peaks.counts[limbTo[k]];
            if (rows == 0 || cols == 0) {
                continue;
            }
            scorer.score(pafs.data(), limb.pafY() * h * w, limb.pafX() * h * w, h, w, peaks, limbFrom[k], limbTo[k],
                    scores, m);
            float[] cost = munkresCost(rows, cols, m);
            munkres.solve(cost, cols, rows, cols);
            int base = k * 2 * m;
            for (int i = 0; i < rows; i++) {
                int j = munkres.starColumn(i);
                if (j >= 0 && scores[i * m + j] > params.linkThreshold()) {
                    connections[base + i] = j;
                    connections[base + m + j] = i;
                }
            }
        }
    }

    private float[] munkresCost(int rows, int cols, int m) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                float score = scores[i * m + j];
                // a NaN or infinite score (non-finite network output) would send Munkres round forever
                costBuffer[i * cols + j] = Float.isFinite(score) ? -score : 0f;
            }
        }
        return costBuffer;
    }

    private void emit(Poses out) {
        out.clear();
        int channels = topology.keypointCount();
        int[] objects = connector.objects;
        for (int o = 0; o < connector.objectCount; o++) {
            int p = out.add(0f);
            if (p < 0) {
                return;
            }
            float sum = 0f;
            int present = 0;
            for (int c = 0; c < channels; c++) {
                int peak = objects[o * channels + c];
                if (peak >= 0) {
                    int at = c * params.maxPeaks() + peak;
                    float score = Math.max(peaks.values[at], Float.MIN_VALUE);
                    out.setKeypoint(p, c, peaks.pixelX[at], peaks.pixelY[at], score);
                    sum += score;
                    present++;
                }
            }
            out.setPersonScore(p, sum / present);
        }
    }

    /** The last frame's raw trt_pose output (peaks, refined normalised peaks, objects), copied. */
    public TrtPoseRaw raw() {
        return TrtPoseRaw.of(peaks, connector, topology.keypointCount(), params.maxPeaks());
    }

    /** Peak table of the last frame, for parity tests. */
    PeakTable peaks() {
        return peaks;
    }

    int[] connections() {
        return connections;
    }

    PartConnector connector() {
        return connector;
    }
}
