package io.posegate.grouping.posenet;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.DecoderInputs;
import io.posegate.grouping.decode.OutputRoles;
import io.posegate.grouping.decode.PoseDecoder;
import java.util.List;

/**
 * PoseNet multi-pose decoding from heatmaps, short-range offsets and mid-range displacements.
 *
 * <p>Follows Coral's {@code posenet_decoder.cc} (libcoral), whose output is the reference this decoder is
 * tested against. Where TensorFlow.js's {@code decodeMultiplePoses} differs, this decoder does as Coral:
 * <ul>
 *   <li>positions are sampled bilinearly at fractional cells; TF.js rounds each point to the nearest cell;</li>
 *   <li>a pose grows from its root through a priority queue (highest-scoring decoded keypoint next, via
 *       forward and backward edges alike); TF.js walks the edge list backward from the root, then forward;</li>
 *   <li>the root's score is re-sampled at its refined position; TF.js keeps the candidate's cell score;</li>
 *   <li>heatmaps may be logits: candidates are compared with logodds(threshold) and scores turned into
 *       probabilities only at the end; TF.js takes probabilities;</li>
 *   <li>a pose is kept only if the mean of its 17 scores reaches the threshold, and pose scores are then
 *       re-computed after sorting (soft keypoint NMS: keypoints within the NMS radius of the same keypoint
 *       of a higher-scoring pose do not count, the sum is still divided by 17) and sorted again; TF.js
 *       scores each pose once, greedily against the poses found before it, and keeps every pose.</li>
 * </ul>
 * Coral tests {@code edge_id > kNumEdges} where {@code >=} is meant, so its first backward edge (left eye to
 * nose, edge id 16) reads forward-x channel 16 as dy and backward-y channel 32 as dx. This decoder reads
 * the right channels ({@code dy = 32 + e}, {@code dx = 48 + e} for the backward walk of edge e) unless
 * {@code coralEdgeQuirk} is set. The quirk only matters when a left eye is decoded before its nose.
 *
 * <p>Coordinates come out in cells of Coral's grid (cell i at network-input pixel {@code i * outputStride}),
 * so {@link #pixelsPerCell} is the stride. One thread at a time; no allocation once warmed up.
 */
final class PoseNetDecoder implements PoseDecoder {
    private static final int K = PoseTree.KEYPOINTS;
    private static final int E = PoseTree.EDGES;
    private final Topology topology;
    private final PoseNetParams params;
    private final Grid heat = new Grid();
    private final Grid shortOffsets = new Grid();
    private final Grid displacements = new Grid();
    private final PartQueue candidates = new PartQueue();
    private final PartQueue growth = new PartQueue();
    private final boolean[] decoded = new boolean[K];
    private final float[] ys;
    private final float[] xs;
    private final float[] scores;
    private final float[] poseScores;
    private final int[] order;
    private final float invStride;

    PoseNetDecoder(Topology topology, PoseNetParams params) {
        this.topology = topology;
        this.params = params;
        this.ys = new float[params.maxPoses() * K];
        this.xs = new float[params.maxPoses() * K];
        this.scores = new float[params.maxPoses() * K];
        this.poseScores = new float[params.maxPoses()];
        this.order = new int[params.maxPoses()];
        this.invStride = 1f / params.outputStride();
        growth.reset(2 * E + 1);
    }

    @Override
    public String name() {
        return PoseNetDecoderFactory.NAME;
    }

    @Override
    public Topology topology() {
        return topology;
    }

    @Override
    public List<String> roles() {
        return PoseNetDecoderFactory.ROLES;
    }

    @Override
    public double pixelsPerCell(int inputSize, int mapSize) {
        return params.outputStride();
    }

    @Override
    public void decode(DecoderInputs maps, Poses out) {
        FeatureMap hm = maps.require(OutputRoles.HEATMAPS);
        FeatureMap off = maps.require(OutputRoles.OFFSETS);
        FeatureMap disp = maps.require(OutputRoles.DISPLACEMENTS);
        PoseNetChecks.check(topology, hm, off, disp, out);
        heat.bind(hm);
        shortOffsets.bind(off);
        displacements.bind(disp);
        out.clear();
        float threshold = params.logits() ? logodds(params.scoreThreshold()) : params.scoreThreshold();
        collectCandidates(threshold);
        int found = growPoses();
        rescore(found);
        for (int i = 0; i < found; i++) {
            int pose = order[i];
            if (poseScores[pose] < params.scoreThreshold()) {
                break;
            }
            int p = out.add(poseScores[pose]);
            if (p < 0) {
                break;
            }
            for (int k = 0; k < K; k++) {
                out.setKeypoint(p, k, xs[pose * K + k], ys[pose * K + k], scores[pose * K + k]);
            }
        }
    }

    /** Every cell that reaches the threshold and is the maximum of its window, refined by its short offset. */
    private void collectCandidates(float threshold) {
        int h = heat.height();
        int w = heat.width();
        int r = params.localMaximumRadius();
        candidates.reset(h * w * K);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < K; k++) {
                    float score = heat.at(k, y, x);
                    if (score >= threshold && isLocalMaximum(k, y, x, score, r, h, w)) {
                        float ry = Grid.clamp(y + shortOffsets.at(k, y, x) * invStride, 0f, h - 1f);
                        float rx = Grid.clamp(x + shortOffsets.at(K + k, y, x) * invStride, 0f, w - 1f);
                        candidates.push(score, k, ry, rx);
                    }
                }
            }
        }
    }

    private boolean isLocalMaximum(int k, int y, int x, float score, int r, int h, int w) {
        for (int yy = Math.max(y - r, 0); yy < Math.min(y + r + 1, h); yy++) {
            for (int xx = Math.max(x - r, 0); xx < Math.min(x + r + 1, w); xx++) {
                if (heat.at(k, yy, xx) > score) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Roots in decreasing score order: suppressed near a kept pose's same keypoint, else grown into a pose. */
    private int growPoses() {
        float nms = params.nmsRadius() * invStride;
        float squaredNms = nms * nms;
        int count = 0;
        while (count < params.maxPoses() && !candidates.isEmpty()) {
            int id = candidates.topId();
            float y = candidates.topY();
            float x = candidates.topX();
            candidates.pop();
            if (nearSameKeypoint(count, id, y, x, squaredNms)) {
                continue;
            }
            grow(count, id, y, x);
            float sum = 0f;
            for (int k = 0; k < K; k++) {
                int i = count * K + k;
                if (params.logits()) {
                    scores[i] = sigmoid(scores[i]);
                }
                sum += scores[i];
            }
            poseScores[count] = sum / K;
            if (poseScores[count] >= params.scoreThreshold()) {
                count++;
            }
        }
        return count;
    }

    private boolean nearSameKeypoint(int poses, int k, float y, float x, float squaredRadius) {
        for (int p = 0; p < poses; p++) {
            float dy = ys[p * K + k] - y;
            float dx = xs[p * K + k] - x;
            if (dy * dy + dx * dx <= squaredRadius) {
                return true;
            }
        }
        return false;
    }

    /** Decodes pose slot {@code pose} from its root, best decoded keypoint first, along the tree's edges. */
    private void grow(int pose, int rootId, float rootY, float rootX) {
        java.util.Arrays.fill(decoded, false);
        growth.reset(2 * E + 1);
        growth.push(heat.sample(rootId, rootY, rootX), rootId, rootY, rootX);
        while (!growth.isEmpty()) {
            int id = growth.topId();
            float y = growth.topY();
            float x = growth.topX();
            float score = growth.topScore();
            growth.pop();
            if (decoded[id]) {
                continue;
            }
            ys[pose * K + id] = y;
            xs[pose * K + id] = x;
            scores[pose * K + id] = score;
            decoded[id] = true;
            int[] neighbours = PoseTree.NEIGHBOUR[id];
            for (int j = 0; j < neighbours.length; j++) {
                int child = neighbours[j];
                if (!decoded[child]) {
                    displace(PoseTree.NEIGHBOUR_EDGE[id][j], child, y, x);
                }
            }
        }
    }

    /** Follows edge {@code edgeId}'s displacement from (y, x), refines by the child's short offsets, queues it. */
    private void displace(int edgeId, int child, float y, float x) {
        int dyChannel;
        if (edgeId < E) {
            dyChannel = edgeId;
        } else if (params.coralEdgeQuirk() && edgeId == E) {
            dyChannel = E;
        } else {
            dyChannel = E + edgeId;
        }
        int h = heat.height();
        int w = heat.width();
        float dy = displacements.sample(dyChannel, y, x);
        float dx = displacements.sample(E + dyChannel, y, x);
        y = Grid.clamp(y + dy * invStride, 0f, h - 1f);
        x = Grid.clamp(x + dx * invStride, 0f, w - 1f);
        for (int i = 0; i < params.refinementSteps(); i++) {
            float oy = shortOffsets.sample(child, y, x);
            float ox = shortOffsets.sample(K + child, y, x);
            y = Grid.clamp(y + oy * invStride, 0f, h - 1f);
            x = Grid.clamp(x + ox * invStride, 0f, w - 1f);
        }
        growth.push(heat.sample(child, y, x), child, y, x);
    }

    /** Coral's soft keypoint NMS over the kept poses, then {@link #order} by the new scores, best first. */
    private void rescore(int found) {
        sortByScore(found);
        float nms = params.nmsRadius() * invStride;
        float squaredNms = nms * nms;
        for (int i = 0; i < found; i++) {
            int pose = order[i];
            float sum = 0f;
            for (int k = 0; k < K; k++) {
                boolean occluded = false;
                for (int j = 0; j < i && !occluded; j++) {
                    int other = order[j];
                    float dy = ys[pose * K + k] - ys[other * K + k];
                    float dx = xs[pose * K + k] - xs[other * K + k];
                    occluded = dy * dy + dx * dx <= squaredNms;
                }
                if (!occluded) {
                    sum += scores[pose * K + k];
                }
            }
            poseScores[pose] = sum / K;
        }
        sortByScore(found);
    }

    /** {@link #order} = pose slots by decreasing {@link #poseScores}, ties in slot order. */
    private void sortByScore(int n) {
        for (int i = 0; i < n; i++) {
            int pose = i;
            int j = i;
            while (j > 0 && poseScores[order[j - 1]] < poseScores[pose]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = pose;
        }
    }

    static float sigmoid(float v) {
        return 1f / (1f + (float) Math.exp(-v));
    }

    static float logodds(float p) {
        return (float) -Math.log(1.0 / (p + 1e-6) - 1.0);
    }
}
