package io.posegate.grouping.embedding;

import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.decode.DecoderParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the {@code associative-embedding} decoder, named as in Open Model Zoo's
 * {@code AssociativeEmbeddingDecoder}; defaults are those its {@code HpeAssociativeEmbedding} wrapper uses
 * (and 0.1, its demos' default, for the pose threshold).
 *
 * @param maxPeople          candidates kept per keypoint type (max_num_people, 30)
 * @param detectionThreshold a candidate counts if its NMS'd heatmap value is above it (0.1)
 * @param tagThreshold       a candidate joins a person if their tags are closer than it (1)
 * @param poseThreshold      a person is kept if the mean of its keypoint scores is above it (0.1)
 * @param useDetectionVal    matching cost round(tag distance) * 100 - score (true)
 * @param ignoreTooMuch      stop matching once maxPeople people exist (false)
 * @param adjust             quarter-cell shift toward the higher neighbour (true)
 * @param refine             fill a kept person's missing keypoints from the maps (true)
 * @param distReweight       scale close tag distances by the distance to each person's centre (true)
 * @param delta              added to every coordinate after adjusting (0)
 * @param nmsKernel          max-pool size for the NMS'd heatmaps when the frame has no {@code nms_heatmaps} (5)
 */
record AeParams(int maxPeople, double detectionThreshold, float tagThreshold, float poseThreshold,
        boolean useDetectionVal, boolean ignoreTooMuch, boolean adjust, boolean refine, boolean distReweight,
        float delta, int nmsKernel) {
    /**
     * @throws IllegalArgumentException naming a value out of range: maxPeople 1..{@value GroupingParams#PEOPLE_LIMIT},
     *                                  nmsKernel odd, thresholds and delta finite
     */
    AeParams {
        if (maxPeople < 1 || maxPeople > GroupingParams.PEOPLE_LIMIT || nmsKernel < 1 || nmsKernel % 2 == 0) {
            throw new IllegalArgumentException("associative-embedding maxPeople must be 1.." + GroupingParams.PEOPLE_LIMIT
                    + " and nmsKernel odd; got " + maxPeople + ", " + nmsKernel);
        }
        requireFinite("detectionThreshold", detectionThreshold);
        requireFinite("tagThreshold", tagThreshold);
        requireFinite("poseThreshold", poseThreshold);
        requireFinite("delta", delta);
    }

    private static void requireFinite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("associative-embedding " + field + " must be a finite number, got " + v);
        }
    }

    static Map<String, Object> defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxPeople", 30);
        m.put("detectionThreshold", 0.1);
        m.put("tagThreshold", 1f);
        m.put("poseThreshold", 0.1f);
        m.put("useDetectionVal", true);
        m.put("ignoreTooMuch", false);
        m.put("adjust", true);
        m.put("refine", true);
        m.put("distReweight", true);
        m.put("delta", 0f);
        m.put("nmsKernel", 5);
        return m;
    }

    static AeParams from(DecoderParams p) {
        p.requireKnown(AeDecoderFactory.NAME, defaults().keySet());
        return new AeParams(p.intValue("maxPeople", 30), p.doubleValue("detectionThreshold", 0.1),
                p.floatValue("tagThreshold", 1f), p.floatValue("poseThreshold", 0.1f),
                p.booleanValue("useDetectionVal", true), p.booleanValue("ignoreTooMuch", false),
                p.booleanValue("adjust", true), p.booleanValue("refine", true), p.booleanValue("distReweight", true),
                p.floatValue("delta", 0f), p.intValue("nmsKernel", 5));
    }
}
