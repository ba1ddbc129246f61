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
    /**
     * The most {@code maxPeaks}: workspaces of maxPeaks x maxPeaks pairs per limb are made up front (a few MB
     * here); far more than a frame's peaks per keypoint.
     */
    public static final int PEAKS_LIMIT = 1000;
    /** The most {@code maxPeople}. */
    public static final int PEOPLE_LIMIT = 1000;
    /** The most {@code samples} per limb. */
    public static final int SAMPLES_LIMIT = 1000;

    /**
     * @throws IllegalArgumentException naming the first field out of its range: thresholds must be finite,
     *                                  window &ge; 1, samples 2..{@value #SAMPLES_LIMIT}, maxPeaks
     *                                  1..{@value #PEAKS_LIMIT}, maxPeople 1..{@value #PEOPLE_LIMIT}
     */
    public GroupingParams {
        requireFinite("peakThreshold", peakThreshold);
        requireFinite("linkThreshold", linkThreshold);
        requireIn("window", window, 1, Integer.MAX_VALUE);
        requireIn("samples", samples, 2, SAMPLES_LIMIT);
        requireIn("maxPeaks", maxPeaks, 1, PEAKS_LIMIT);
        requireIn("maxPeople", maxPeople, 1, PEOPLE_LIMIT);
    }

    private static void requireFinite(String field, float v) {
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + v);
        }
    }

    private static void requireIn(String field, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(field + " must be " + (max == Integer.MAX_VALUE ? "at least " + min
                    : min + ".." + max) + ", got " + v);
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
