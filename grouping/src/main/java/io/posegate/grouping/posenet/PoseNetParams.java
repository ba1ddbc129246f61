package io.posegate.grouping.posenet;

import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.decode.DecoderParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the {@code posenet} decoder. Defaults are Coral's for its PoseNet models.
 *
 * @param maxPoses           poses kept per frame (Coral's max_detections, 10)
 * @param scoreThreshold     minimum part score of a root candidate and minimum pose score, as a probability (0.2)
 * @param nmsRadius          root and keypoint suppression radius, in network-input pixels (10)
 * @param refinementSteps    short-offset refinement steps after each displacement (5)
 * @param localMaximumRadius a root candidate is the maximum of its (2r+1)^2 window (1)
 * @param outputStride       network-input pixels per map cell (16)
 * @param logits             heatmaps hold logits (a sigmoid gives probabilities) rather than probabilities (true)
 * @param coralEdgeQuirk     reproduce Coral's {@code edge_id > kNumEdges} test, which makes the first backward
 *                           edge (left eye to nose) read the wrong displacement channels (false)
 */
record PoseNetParams(int maxPoses, float scoreThreshold, float nmsRadius, int refinementSteps, int localMaximumRadius,
        int outputStride, boolean logits, boolean coralEdgeQuirk) {
    static final List<String> HEATMAP_VALUES = List.of("logits", "probabilities");

    /** @throws IllegalArgumentException naming a value out of range (maxPoses 1..{@value GroupingParams#PEOPLE_LIMIT}) */
    PoseNetParams {
        if (maxPoses > GroupingParams.PEOPLE_LIMIT) {
            throw new IllegalArgumentException("posenet maxPoses must be 1.." + GroupingParams.PEOPLE_LIMIT + ", got " + maxPoses);
        }
        if (maxPoses < 1 || refinementSteps < 0 || localMaximumRadius < 0 || outputStride < 1 || !(nmsRadius >= 0)
                || !(scoreThreshold > 0 && scoreThreshold < 1)) {
            throw new IllegalArgumentException("bad posenet parameters: maxPoses=" + maxPoses + " scoreThreshold="
                    + scoreThreshold + " (must be in (0,1)) nmsRadius=" + nmsRadius + " refinementSteps=" + refinementSteps
                    + " localMaximumRadius=" + localMaximumRadius + " outputStride=" + outputStride);
        }
    }

    static Map<String, Object> defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxPoses", 10);
        m.put("scoreThreshold", 0.2f);
        m.put("nmsRadius", 10f);
        m.put("refinementSteps", 5);
        m.put("localMaximumRadius", 1);
        m.put("outputStride", 16);
        m.put("heatmapValues", "logits");
        m.put("coralEdgeQuirk", false);
        return m;
    }

    static PoseNetParams from(DecoderParams p) {
        p.requireKnown(PoseNetDecoderFactory.NAME, defaults().keySet());
        return new PoseNetParams(p.intValue("maxPoses", 10), p.floatValue("scoreThreshold", 0.2f),
                p.floatValue("nmsRadius", 10f), p.intValue("refinementSteps", 5), p.intValue("localMaximumRadius", 1),
                p.intValue("outputStride", 16), p.choice("heatmapValues", "logits", HEATMAP_VALUES).equals("logits"),
                p.booleanValue("coralEdgeQuirk", false));
    }
}
