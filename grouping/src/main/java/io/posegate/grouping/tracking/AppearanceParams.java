package io.posegate.grouping.tracking;

/**
 * How {@link Tracker} uses people's appearance (the limb colours in {@link io.posegate.grouping.Poses}; see
 * {@link io.posegate.grouping.LimbParts}), after DeepSORT's appearance gate and norfair's optional embedding
 * distance. The distance of a detection to a track's template is the mean, over the parts both have, of
 * the chromaticity distance plus a quarter of the brightness difference (the median over the parts, not
 * the mean); a pair's similarity is multiplied by 1 up to {@code near}, falling linearly to {@code floor} at
 * {@code far} and beyond, so appearance only weakens a match that the pose and the box allow: a detection
 * that looks like another track goes to that one, but a person whose limbs show someone else's colours
 * (hidden behind them) can still continue their own track when no other track wants the detection.
 *
 * @param enabled      whether appearance is used at all (off: the tracker decides by pose, box and motion alone)
 * @param near         distance up to which appearance leaves a pair's similarity as it is
 * @param far          distance from which a pair's similarity is multiplied by {@code floor}
 * @param floor        the factor at {@code far} and beyond (0: refused)
 * @param alpha        weight of a new observation in a template part's running mean (slow: 0.05-0.2)
 * @param ambiguousOks a matched detection that another confirmed track explains at this OKS or more does not
 *                     update its track's template (at a crossing its colours may be the other person's)
 * @param minParts     parts a detection and a template must share before appearance counts
 * @param margin       the factor applies only when another confirmed track near the detection (OKS above 0) looks
 *                     at least this much closer in colour: appearance decides between people who could both be
 *                     the detection, and does not weaken a match that no one else contests; negative: always
 *                     (DeepSORT's absolute gate)
 */
public record AppearanceParams(boolean enabled, float near, float far, float floor, float alpha, float ambiguousOks,
                               int minParts, float margin) {
    public AppearanceParams {
        if (!(near >= 0f && far > near) || !(floor >= 0f && floor <= 1f) || !(alpha > 0f && alpha <= 1f) || !(ambiguousOks > 0f) || minParts < 1) {
            throw new IllegalArgumentException("appearance needs 0 <= near < far, 0 <= floor <= 1, 0 < alpha <= 1, ambiguousOks > 0 and"
                    + " minParts >= 1; got near=" + near + " far=" + far + " floor=" + floor + " alpha=" + alpha + " ambiguousOks="
                    + ambiguousOks + " minParts=" + minParts);
        }
    }

    /** On, with the settings chosen on the 23-scene demo panel (module README, "Appearance"). */
    public static AppearanceParams defaults() {
        return new AppearanceParams(true, 0.05f, 0.2f, 0.5f, 0.1f, 0.3f, 2, -1f);
    }

    public AppearanceParams withEnabled(boolean on) {
        return new AppearanceParams(on, near, far, floor, alpha, ambiguousOks, minParts, margin);
    }
}
