package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * Gives the people of one stream stable ids, frame after frame. One instance per stream, used by one
 * thread at a time; implementations allocate nothing per frame in steady state.
 */
public interface MultiPersonTracker {
    /**
     * Tracks one frame's people in place: sets ids with {@link Poses#setId}, may smooth keypoints and may
     * remove people that are not to be published.
     *
     * @param timestampNanos the frame's capture time; frames come in time order
     * @param keypointSigmas OKS sigma per keypoint, e.g. {@link KeypointSigmas#forNames}
     * @throws IllegalArgumentException if the poses or sigmas do not have the tracker's keypoint count
     */
    void update(Poses poses, long timestampNanos, float[] keypointSigmas);

    /** Tracks held (any state), for diagnostics. */
    int liveTracks();
}
