package io.posegate.grouping.decode;

/** The names decoders give the network outputs they read. */
public final class OutputRoles {
    /** Per-keypoint confidence maps (probabilities or logits), one channel per keypoint. */
    public static final String HEATMAPS = "heatmaps";
    /** Part Affinity Fields: an x and a y channel per limb. */
    public static final String PAFS = "pafs";
    /** PoseNet short-range offsets: K dy channels then K dx channels, in input pixels. */
    public static final String OFFSETS = "offsets";
    /** PoseNet mid-range displacements: E forward dy, E forward dx, E backward dy, E backward dx. */
    public static final String DISPLACEMENTS = "displacements";
    /** Associative-embedding tag maps: one (or more) channel per keypoint. */
    public static final String TAGS = "tags";
    /** Optional for associative embedding: heatmaps already max-pool suppressed by the network. */
    public static final String NMS_HEATMAPS = "nms_heatmaps";

    private OutputRoles() {
    }
}
