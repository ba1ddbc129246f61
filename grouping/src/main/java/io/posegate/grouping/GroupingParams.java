package io.posegate.grouping;

/**
 * Thresholds and limits shared by the grouping strategies. Each strategy documents how it reads them.
 *
 * @param peakThreshold keypoint (cmap) threshold: trt_pose keeps values &ge; it, openpose values &gt; it
 * @param linkThreshold limb score threshold: trt_pose's link_threshold; openpose's per-sample PAF threshold
 * @param window        peak window: trt_pose's cmap_window (refinement too; an even one reads as the next odd
 *                      size, as trt_pose's {@code window / 2} radius does); openpose's max-pool kernel (odd only:
 *                      the openpose grouper refuses an even one)
 * @param samples       line-integral samples per limb
 * @param maxPeaks      peaks kept per keypoint channel (trt_pose's M)
 * @param maxPeople     people kept per frame (trt_pose's P)
 */
public record GroupingParams(float peakThreshold, float linkThreshold, int window, int samples, int maxPeaks, int maxPeople) {
    public GroupingParams {
        if (window < 1 || samples < 2 || maxPeaks < 1 || maxPeople < 1) {
            throw new IllegalArgumentException("bad grouping parameters: window=" + window + " samples=" + samples
                    + " maxPeaks=" + maxPeaks + " maxPeople=" + maxPeople);
        }
    }

    /** trt_pose's defaults: 0.1, 0.1, window 5, 7 samples, M=100, P=100. */
    public static GroupingParams trtPoseDefaults() {
        return new GroupingParams(0.1f, 0.1f, 5, 7, 100, 100);
    }

    /** Open Model Zoo OpenPoseDecoder's defaults: peaks &gt; 0.1, samples &gt; 0.05, 3x3 pool, 10 samples, 100 peaks. */
    public static GroupingParams openPoseDefaults() {
        return new GroupingParams(0.1f, 0.05f, 3, 10, 100, 100);
    }
}
