package io.posegate.grouping.tracking;

/**
 * How {@link Tracker} uses people's appearance (the limb colours in {@link io.posegate.grouping.Poses}; see
 * {@link io.posegate.grouping.LimbParts}), after DeepSORT's appearance term and norfair's optional embedding
 * distance. The distance of a detection to a track's template is the median, over the parts both have, of
 * the chromaticity distance plus a quarter of the brightness difference. A pair's similarity (in stages 1,
 * 2 and 3) is multiplied by a factor: 1 up to {@code near}, falling linearly to {@code floor} at {@code far}
 * and beyond. With {@code margin} >= 0 (the default) the factor applies only when the colours point at
 * someone else: another confirmed track near the detection (OKS above 0) looks like it (distance at most
 * {@code near}) and at least {@code margin} closer than this track. So appearance decides between people who
 * could both be the detection (the hidden person's track does not take the front person's detection), and
 * leaves alone a match no one else contests, where noisy colours (small people, real clothing) would only
 * break tracks.
 *
 * @param enabled      whether appearance is used at all (off: the tracker decides by pose, box and motion alone)
 * @param near         distance up to which a detection looks like a track
 * @param far          distance from which a pair's similarity is multiplied by {@code floor}
 * @param floor        the factor at {@code far} and beyond (0: refused)
 * @param alpha        weight of a new observation in a template part's running mean (slow: 0.05-0.2)
 * @param ambiguousOks a matched detection that another confirmed track explains at this OKS or more does not
 *                     update its track's template (at a crossing its colours may be the other person's), unless
 *                     the track has no template yet and the others explain it clearly less (its first look)
 * @param minParts     parts a detection and a template must share before appearance counts
 * @param margin       how much closer in colour another near track must be for the factor to apply; negative:
 *                     always apply it (DeepSORT's absolute gate; measured worse, see the module README)
 * @param reidSpeed    re-identification of lost tracks by colour: a whole detection that would start a new
 *                     track continues the lost track it matches in colour when within (0.5 + reidSpeed x
 *                     seconds lost) of the track's size of its predicted position; 0: off
 */
public record AppearanceParams(boolean enabled, float near, float far, float floor, float alpha, float ambiguousOks,
                               int minParts, float margin, float reidSpeed) {
    public AppearanceParams {
        if (!(near >= 0f && far > near) || !(floor >= 0f && floor <= 1f) || !(alpha > 0f && alpha <= 1f) || !(ambiguousOks > 0f) || minParts < 1
                || !(reidSpeed >= 0f)) {
            throw new IllegalArgumentException("appearance needs 0 <= near < far, 0 <= floor <= 1, 0 < alpha <= 1, ambiguousOks > 0 and"
                    + " minParts >= 1; got near=" + near + " far=" + far + " floor=" + floor + " alpha=" + alpha + " ambiguousOks="
                    + ambiguousOks + " minParts=" + minParts);
        }
    }

    /** On, with the settings chosen on the 23-scene demo panel and vtest.avi (module README, "Appearance"). */
    public static AppearanceParams defaults() {
        return new AppearanceParams(true, 0.05f, 0.2f, 0f, 0.1f, 0.3f, 2, 0.05f, 1f);
    }

    public AppearanceParams withEnabled(boolean on) {
        return new AppearanceParams(on, near, far, floor, alpha, ambiguousOks, minParts, margin, reidSpeed);
    }
}
