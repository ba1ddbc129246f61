package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * What a detection needs to count as a whole person: to start a track, and to be published. A detection
 * below the rule is a <i>partial</i> one (ByteTrack's low-score detection): it can continue a confirmed
 * track (which then follows it) but never starts one, and is not published (since 2026-12-01: a published
 * person is a person; partial detections published as continuations were most of the people published
 * with no ground-truth person on the demo panel). The tracker applies the rule to what a detection holds
 * after keypoint owners and fragment merges. Immutable.
 *
 * @param minKeypoints   fewest keypoints present
 * @param minPersonScore lowest person score, on the grouping strategy's own scale
 */
public record PublishRule(int minKeypoints, float minPersonScore) {
    public PublishRule {
        if (minKeypoints < 1) {
            throw new IllegalArgumentException("minKeypoints must be >= 1, got " + minKeypoints);
        }
        if (!(minPersonScore >= 0f)) {
            throw new IllegalArgumentException("minPersonScore must be >= 0, got " + minPersonScore);
        }
    }

    /**
     * Defaults per model family: {@code openpose} 5 keypoints and score 0 (its decoder already drops people
     * with fewer than 3 keypoints and scores by keypoint count); {@code trt_pose}, {@code demo} and any
     * other 5 keypoints and a mean keypoint score of 0.2.
     */
    public static PublishRule forFamily(String family) {
        return "openpose".equals(family) ? new PublishRule(5, 0f) : new PublishRule(5, 0.2f);
    }

    /** True when person {@code p} is whole under this rule. */
    public boolean whole(Poses poses, int p) {
        return whole(poses.personScore(p), poses.presentCount(p));
    }

    /** True for a person of this score with this many keypoints present. */
    public boolean whole(float personScore, int presentKeypoints) {
        return personScore >= minPersonScore && presentKeypoints >= minKeypoints;
    }
}
