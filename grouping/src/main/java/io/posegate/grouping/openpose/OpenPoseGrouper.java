package io.posegate.grouping.openpose;

import static java.util.Objects.requireNonNull;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Grouper;
import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Limb;
import io.posegate.grouping.MapChecks;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topology;

/**
 * Open Model Zoo's OpenPoseDecoder (the decoder of human-pose-estimation-0001) over a reusable
 * workspace, run directly on the network's stride-8 maps (Open Model Zoo first upsamples them 4x; that
 * is the model wrapper's choice, not the decoder's).
 *
 * <p>Parameters: {@code peakThreshold} = score_threshold (peaks &gt; it), {@code linkThreshold} =
 * min_paf_alignment_score (per sample, &gt; it), {@code window} = the NMS max-pool kernel (odd: the
 * decoder's kernel is {@code 2p + 1}; an even window has no meaning here and is refused),
 * {@code samples} = points per limb, {@code maxPeaks} = max_points (per channel),
 * {@code maxPeople} = people kept (in the decoder's order). People with fewer than 3 keypoints are
 * dropped; a person's score is the decoder's: (keypoint scores + limb scores) x (keypoints - 1).
 * Keypoint coordinates are cell centres (+0.5) in heatmap pixels, clipped to [0, W-1] x [0, H-1] as the
 * decoder clips them.
 *
 * <p>A non-finite value (NaN, an infinity: a broken network output) in a keypoint heatmap, or in a PAF cell
 * a limb is sampled at, refuses the frame with an {@link IllegalArgumentException} naming the map, channel
 * and cell (Open Model Zoo's decoder would skip NaN cells silently); found on the scans the decoder already
 * makes, so finite maps cost nothing more and give the same results.
 *
 * <p>One thread at a time; allocates nothing after the first frame of a given size.
 */
public final class OpenPoseGrouper implements Grouper {
    public static final String STRATEGY = "openpose";
    private final Topology topology;
    private final GroupingParams params;
    private final KeypointTable keypoints;
    private final PeakExtractor extractor;
    private final LimbCandidates candidates;
    private final PoseAssembler assembler;

    /** @throws IllegalArgumentException if {@code params.window()} is even (naming it) */
    public OpenPoseGrouper(Topology topology, GroupingParams params) {
        this.topology = requireNonNull(topology, "topology is null");
        this.params = requireNonNull(params, "params is null");
        if (params.window() % 2 == 0) {
            throw new IllegalArgumentException("openpose window (the max-pool kernel) must be odd, got " + params.window()
                    + " (trt_pose reads an even window as window + 1; Open Model Zoo's kernel is always odd)");
        }
        int m = params.maxPeaks();
        keypoints = new KeypointTable(topology.keypointCount(), m);
        extractor = new PeakExtractor(params.peakThreshold(), params.window(), m, topology.keypoints());
        candidates = new LimbCandidates(m, new LimbScorer(params.samples(), params.linkThreshold()));
        assembler = new PoseAssembler(topology.keypointCount(), Math.max(1, topology.limbs().size()) * m);
    }

    @Override
    public String strategy() {
        return STRATEGY;
    }

    @Override
    public void group(FeatureMap heatmaps, FeatureMap pafs, Poses out) {
        MapChecks.check(topology, heatmaps, pafs, out);
        extractor.extract(heatmaps, topology.keypointCount(), keypoints);
        assembler.clear();
        int plane = pafs.height() * pafs.width();
        for (int k = 0; k < topology.limbs().size(); k++) {
            Limb limb = topology.limbs().get(k);
            int n = candidates.select(pafs.data(), limb.pafX() * plane, limb.pafY() * plane, pafs.width(), plane, keypoints,
                    limb.from(), limb.to());
            for (int i = 0; i < n; i++) {
                assembler.connect(limb.from(), limb.to(), candidates.idA(i), candidates.idB(i), candidates.score(i),
                        keypoints.score);
            }
        }
        emit(out);
    }

    private void emit(Poses out) {
        out.clear();
        int joints = topology.keypointCount();
        for (int e = 0; e < assembler.size && out.count() < params.maxPeople(); e++) {
            int count = assembler.counts[e];
            if (count < 3) {
                continue;
            }
            int p = out.add(assembler.scores[e] * Math.max(0, count - 1));
            if (p < 0) {
                return;
            }
            for (int j = 0; j < joints; j++) {
                int id = assembler.keypoints[e * joints + j];
                if (id >= 0 && id < keypoints.total) {
                    out.setKeypoint(p, j, keypoints.x[id], keypoints.y[id],
                            Math.max(keypoints.score[id], Float.MIN_VALUE));
                }
            }
        }
    }

    KeypointTable keypoints() {
        return keypoints;
    }
}
