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
 * so {@link #pixelsPerCell} is the stride. A non-finite value (NaN, an infinity: a broken network output)
 * in a heatmap cell or in a cell an offset or displacement is sampled from refuses the frame, naming the
 * role, channel and cell. One thread at a time; no allocation once warmed up. The steps:
 * {@link RootCandidates}, {@link PoseGrower} from each root, {@link PoseSlots} to score and rank the poses.
 */
final class PoseNetDecoder implements PoseDecoder {
    private final Topology topology;
    private final PoseNetParams params;
    private final Grid heat;
    private final Grid shortOffsets = new Grid(OutputRoles.OFFSETS, null);
    private final Grid displacements = new Grid(OutputRoles.DISPLACEMENTS, null);
    private final PartQueue candidates = new PartQueue();
    private final PoseSlots slots;
    private final PoseGrower grower;
    private final float invStride;

    PoseNetDecoder(Topology topology, PoseNetParams params) {
        this.topology = topology;
        this.params = params;
        this.heat = new Grid(OutputRoles.HEATMAPS, topology.keypoints());
        this.slots = new PoseSlots(params.maxPoses());
        this.grower = new PoseGrower(heat, shortOffsets, displacements, params, slots);
        this.invStride = 1f / params.outputStride();
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
        float threshold = params.logits() ? Logits.logodds(params.scoreThreshold()) : params.scoreThreshold();
        RootCandidates.collect(heat, shortOffsets, threshold, params.localMaximumRadius(), invStride, candidates);
        float nms = params.nmsRadius() * invStride;
        float squaredNms = nms * nms;
        int found = growPoses(squaredNms);
        slots.rescore(found, squaredNms);
        slots.emit(found, params.scoreThreshold(), out);
    }

    /** Roots in decreasing score order: suppressed near a kept pose's same keypoint, else grown into a pose. */
    private int growPoses(float squaredNms) {
        int count = 0;
        while (count < params.maxPoses() && !candidates.isEmpty()) {
            int id = candidates.topId();
            float y = candidates.topY();
            float x = candidates.topX();
            candidates.pop();
            if (slots.nearSameKeypoint(count, id, y, x, squaredNms)) {
                continue;
            }
            grower.grow(count, id, y, x);
            if (slots.scorePose(count, params.logits()) >= params.scoreThreshold()) {
                count++;
            }
        }
        return count;
    }
}
