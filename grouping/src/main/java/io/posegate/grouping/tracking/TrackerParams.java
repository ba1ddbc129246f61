package io.posegate.grouping.tracking;

import static java.util.Objects.requireNonNull;

/**
 * Settings of {@link Tracker}.
 *
 * @param confirmHits   frames a new track must be matched in before it is confirmed and published (norfair's
 *                      initialisation delay; its hit counter also counts down on each miss)
 * @param maxLostFrames frames a confirmed track is kept while unmatched
 * @param maxLostSeconds seconds a confirmed track is kept while unmatched; it is retired when either limit passes
 * @param minSimilarity lowest matching similarity (0..1: {@code oksWeight} x OKS on the predicted pose + the rest x
 *                      box IoU) at which a detection continues a track
 * @param oksWeight     weight of OKS against box IoU in the similarity
 * @param publish       what makes a detection a whole person
 * @param smoothing     whether the keypoints of confirmed tracks are One Euro filtered
 * @param minCutoff     One Euro minimum cutoff frequency in Hz (lower = smoother when still)
 * @param beta          One Euro speed coefficient (higher = less lag when moving), per pixel/second
 * @param dCutoff       One Euro cutoff frequency in Hz for the speed estimate
 * @param appearance    whether and how people's limb colours weigh in matching ({@link AppearanceParams})
 */
public record TrackerParams(int confirmHits, int maxLostFrames, double maxLostSeconds, float minSimilarity,
        float oksWeight, PublishRule publish, boolean smoothing, double minCutoff, double beta, double dCutoff,
        AppearanceParams appearance) {
    public TrackerParams {
        requireNonNull(publish, "publish is null");
        requireNonNull(appearance, "appearance is null");
        if (confirmHits < 1 || maxLostFrames < 0 || !(maxLostSeconds >= 0)) {
            throw new IllegalArgumentException("tracker needs confirmHits >= 1, maxLostFrames >= 0 and maxLostSeconds >= 0;"
                    + " got " + confirmHits + ", " + maxLostFrames + ", " + maxLostSeconds);
        }
        if (!(minSimilarity > 0f && minSimilarity <= 1f) || !(oksWeight >= 0f && oksWeight <= 1f)) {
            throw new IllegalArgumentException("minSimilarity must be in (0, 1] and oksWeight in [0, 1], got "
                    + minSimilarity + " and " + oksWeight);
        }
        if (!(minCutoff > 0) || !(dCutoff > 0) || !(beta >= 0)) {
            throw new IllegalArgumentException("One Euro needs minCutoff > 0, dCutoff > 0, beta >= 0; got minCutoff="
                    + minCutoff + " beta=" + beta + " dCutoff=" + dCutoff);
        }
    }

    /**
     * Confirmed after 3 frames, kept lost for up to 60 frames and 4 s (people behind a passer-by or a pillar
     * for 2-4 s keep their ids: the 23-scene demo panel in the module README), similarity 0.25 with OKS weighted
     * 0.7, {@link PublishRule#forFamily} of an unknown family, smoothing off (One Euro 1 Hz, 0.01, 1 Hz),
     * appearance {@link AppearanceParams#defaults()}.
     */
    public static TrackerParams defaults() {
        return new TrackerParams(3, 60, 4.0, 0.25f, 0.7f, PublishRule.forFamily(""), false, 1.0, 0.01, 1.0,
                AppearanceParams.defaults());
    }

    public TrackerParams withAppearance(AppearanceParams a) {
        return new TrackerParams(confirmHits, maxLostFrames, maxLostSeconds, minSimilarity, oksWeight, publish, smoothing,
                minCutoff, beta, dCutoff, a);
    }

    /** These settings with appearance switched on or off (its other settings kept). */
    public TrackerParams withAppearance(boolean on) {
        return withAppearance(appearance.withEnabled(on));
    }

    public TrackerParams withLost(int frames, double seconds) {
        return new TrackerParams(confirmHits, frames, seconds, minSimilarity, oksWeight, publish, smoothing, minCutoff, beta,
                dCutoff, appearance);
    }

    public TrackerParams withPublish(PublishRule rule) {
        return new TrackerParams(confirmHits, maxLostFrames, maxLostSeconds, minSimilarity, oksWeight, rule, smoothing,
                minCutoff, beta, dCutoff, appearance);
    }

    public TrackerParams withSmoothing(boolean on) {
        return new TrackerParams(confirmHits, maxLostFrames, maxLostSeconds, minSimilarity, oksWeight, publish, on,
                minCutoff, beta, dCutoff, appearance);
    }

    public TrackerParams withConfirmHits(int hits) {
        return new TrackerParams(hits, maxLostFrames, maxLostSeconds, minSimilarity, oksWeight, publish, smoothing,
                minCutoff, beta, dCutoff, appearance);
    }
}
