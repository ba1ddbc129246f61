package io.posegate.grouping.tracking;

/**
 * Settings of {@link Tracker}.
 *
 * @param oksThreshold lowest Object Keypoint Similarity (0..1) at which a pose continues a track
 * @param maxAge       frames a track survives without a matching pose before its id is retired
 * @param smoothing    whether keypoints are One Euro filtered
 * @param minCutoff    One Euro minimum cutoff frequency in Hz (lower = smoother when still)
 * @param beta         One Euro speed coefficient (higher = less lag when moving), per pixel/second
 * @param dCutoff      One Euro cutoff frequency in Hz for the speed estimate
 */
public record TrackerParams(float oksThreshold, int maxAge, boolean smoothing, double minCutoff, double beta,
        double dCutoff) {
    public TrackerParams {
        if (!(oksThreshold >= 0f && oksThreshold <= 1f)) {
            throw new IllegalArgumentException("oksThreshold must be in [0, 1], got " + oksThreshold);
        }
        if (maxAge < 0) {
            throw new IllegalArgumentException("maxAge must be >= 0, got " + maxAge);
        }
        if (!(minCutoff > 0) || !(dCutoff > 0) || !(beta >= 0)) {
            throw new IllegalArgumentException("One Euro needs minCutoff > 0, dCutoff > 0, beta >= 0; got minCutoff="
                    + minCutoff + " beta=" + beta + " dCutoff=" + dCutoff);
        }
    }

    /** OKS 0.3, 10 frames, smoothing on with minCutoff 1 Hz, beta 0.01, dCutoff 1 Hz. */
    public static TrackerParams defaults() {
        return new TrackerParams(0.3f, 10, true, 1.0, 0.01, 1.0);
    }
}
