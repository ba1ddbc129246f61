package io.posegate.grouping;

/**
 * Turns keypoint heatmaps and Part Affinity Fields into people.
 *
 * <p><b>Threading.</b> A grouper owns a reusable workspace and is used by one thread at a time: make
 * one per inference worker. <b>Allocation.</b> Steady-state calls allocate nothing.
 */
public interface Grouper {
    /** The strategy name, e.g. {@code "trt_pose"} or {@code "openpose"}. */
    String strategy();

    /**
     * Groups one frame. {@code out} is cleared first and filled with people whose coordinates are in
     * heatmap pixels (pixel i spans [i, i+1)).
     *
     * @param heatmaps [C,H,W] keypoint maps, possibly with a background channel
     * @param pafs     [2L,H,W] part affinity fields, same H and W
     * @throws IllegalArgumentException if the maps do not fit the topology (names the mismatch), or hold NaN or
     *                                  an infinity in a keypoint heatmap or a sampled PAF cell (names the map,
     *                                  channel and cell; see {@link NonFinite})
     */
    void group(FeatureMap heatmaps, FeatureMap pafs, Poses out);
}
