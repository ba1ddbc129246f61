package io.posegate.grouping.embedding;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.NonFinite;
import io.posegate.grouping.NumPySum;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.DecoderInputs;
import io.posegate.grouping.decode.OutputRoles;
import io.posegate.grouping.decode.PoseDecoder;
import java.util.List;

/**
 * Associative-embedding decoding as Open Model Zoo's {@code AssociativeEmbeddingDecoder} (model API
 * 2022.3.0) does it with its wrapper's settings: top candidates per type on the NMS'd heatmaps, grouping
 * by tags ({@link TagMatcher}), quarter-cell adjustment on |heatmaps|, pose score = mean of all keypoint
 * scores (missing ones count 0) kept above the pose threshold, then refinement of missing keypoints: the
 * cell minimising (whole-number tag distance to the person's tag) - |heatmap|, if its value is positive.
 *
 * <p>Kept as upstream: refinement takes the person's tag by its index after the pose-threshold filter from
 * the list before it, so once a person is filtered out later people are refined with a neighbour's tag.
 * Tag maps with one value per keypoint (tag size 1) only. Coordinates: OMZ's cell coordinates + 0.5 (cell
 * i spans [i, i+1)). A non-finite value (NaN, an infinity: a broken network output) in a map cell the
 * decoder uses refuses the frame, naming the role, channel and cell: the cells above the threshold of the map
 * candidates are taken from, the candidates' tags, the cells the adjustment reads, and the cell the refinement
 * takes with its neighbours. One thread at a time; no
 * allocation once warmed up on maps of one size.
 */
final class AeDecoder implements PoseDecoder {
    private final Topology topology;
    private final AeParams params;
    private final int keypoints;
    private final Candidates candidates;
    private final TagMatcher matcher;
    private final PoseTable poses;
    private final float[] scores;
    private final float[] sumBuffer;
    private final int[] kept;

    AeDecoder(Topology topology, AeParams params) {
        this.topology = topology;
        this.params = params;
        this.keypoints = topology.keypointCount();
        this.candidates = new Candidates(topology.keypoints(), params.maxPeople());
        this.matcher = new TagMatcher(params, keypoints);
        this.poses = new PoseTable(keypoints, params.maxPeople() * keypoints);
        this.scores = new float[params.maxPeople() * keypoints];
        this.sumBuffer = new float[keypoints];
        this.kept = new int[params.maxPeople() * keypoints];
    }

    @Override
    public String name() {
        return AeDecoderFactory.NAME;
    }

    @Override
    public Topology topology() {
        return topology;
    }

    @Override
    public List<String> roles() {
        return AeDecoderFactory.ROLES;
    }

    @Override
    public List<String> optionalRoles() {
        return AeDecoderFactory.OPTIONAL_ROLES;
    }

    @Override
    public void decode(DecoderInputs maps, Poses out) {
        FeatureMap heat = maps.require(OutputRoles.HEATMAPS);
        FeatureMap tags = maps.require(OutputRoles.TAGS);
        FeatureMap nms = maps.map(AeDecoderFactory.NMS_HEATMAPS);
        AeChecks.check(topology, heat, tags, nms, out);
        out.clear();
        candidates.collect(heat, nms, tags, params.nmsKernel(), params.detectionThreshold());
        matcher.match(candidates, poses);
        int h = heat.height();
        int w = heat.width();
        int n = poses.size();
        int keep = 0;
        for (int p = 0; p < n; p++) {
            for (int k = 0; k < keypoints; k++) {
                int i = p * keypoints + k;
                if (params.adjust()) {
                    adjust(heat, k, i, h, w);
                }
                poses.x[i] += params.delta();
                poses.y[i] += params.delta();
                sumBuffer[k] = poses.val[i];
            }
            scores[p] = NumPySum.pairwise(sumBuffer, keypoints) / keypoints;
            if (scores[p] > params.poseThreshold()) {
                kept[keep++] = p;
            }
        }
        for (int j = 0; j < keep; j++) {
            int p = kept[j];
            if (params.refine()) {
                Refiner.refine(heat, tags, poses, p, poses.poseTag[j], topology);
            }
            int slot = out.add(scores[p]);
            if (slot < 0) {
                return;
            }
            for (int k = 0; k < keypoints; k++) {
                int i = p * keypoints + k;
                if (poses.val[i] > 0f) {
                    out.setKeypoint(slot, k, poses.x[i] + 0.5f, poses.y[i] + 0.5f, poses.val[i]);
                }
            }
        }
    }

    private void adjust(FeatureMap heat, int k, int i, int h, int w) {
        int px = (int) poses.x[i];
        int py = (int) poses.y[i];
        if (1 < px && px < w - 1 && 1 < py && py < h - 1) {
            poses.x[i] += 0.25f * Math.signum(Math.abs(finite(heat, k, py, px + 1)) - Math.abs(finite(heat, k, py, px - 1)));
            poses.y[i] += 0.25f * Math.signum(Math.abs(finite(heat, k, py + 1, px)) - Math.abs(finite(heat, k, py - 1, px)));
        }
    }

    /** The heatmap value at (y, x) of channel k. @throws IllegalArgumentException naming it if it is not finite */
    private float finite(FeatureMap heat, int k, int y, int x) {
        float v = heat.get(k, y, x);
        if (!Float.isFinite(v)) {
            throw NonFinite.at(OutputRoles.HEATMAPS, k, topology.keypoints().get(k), y, x, v);
        }
        return v;
    }
}
