package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * A {@link TrackLifecycle} step: a matched track learns its detection's limb colours into its appearance
 * template ({@link AppearanceTemplates}) when the match is clean. Stateless beyond the shared tables.
 */
final class LookLearning {
    /** A track with no template learns from a detection the other tracks explain less than this many times as well. */
    static final float FIRST_LOOK_RATIO = 0.7f;
    private final TrackTable tracks;
    private final AppearanceTemplates looks;
    private final AppearanceParams look;
    private final FrameState frame;

    LookLearning(TrackTable tracks, AppearanceTemplates looks, AppearanceParams look, FrameState frame) {
        this.tracks = tracks;
        this.looks = looks;
        this.look = look;
        this.frame = frame;
    }

    /**
     * Learns detection p's colours into track t's template when the match is clean: a whole detection that
     * no other confirmed track explains at {@link AppearanceParams#ambiguousOks} (at a crossing its limbs may
     * show the other person). A track with no template yet (fewer than {@link AppearanceParams#minParts}
     * parts seen) also learns when the other tracks near explain the detection less than
     * {@link #FIRST_LOOK_RATIO} times as well as t (2026-12-01: a new track started next to someone, often a
     * lost track's prediction, otherwise stayed without colours and unprotected for seconds).
     */
    void learnLooks(Poses poses, int p, int t) {
        if (looks.parts() == 0 || !frame.whole[p]) {
            return;
        }
        float firstLook = looks.seenParts(t) < look.minParts()
                ? FIRST_LOOK_RATIO * frame.oks[p * tracks.capacity + t] : 0f;
        if (!frame.explainedByAnother(tracks, p, t, Math.max(look.ambiguousOks(), firstLook))) {
            looks.update(t, poses, p, look.alpha());
        }
    }
}
