package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * The {@link Tracker}'s publication hold: a confirmed track's detection is not published (the track still
 * follows it) while the match is contested, that is while another established track that got no detection
 * this frame explains the detection about as well ({@link #OTHER_OKS} or more and at least {@link #RATIO}
 * times the track's own OKS on the predicted pose), unless the limb colours say the detection is the
 * track's own (colour distance to its template within {@link AppearanceParams#near()} and the other track's
 * unreadable or at least {@link AppearanceParams#margin()} farther). That is the frame where one person hides
 * another at the same place: whichever track takes the one skeleton seen, publishing it under an id the
 * tracker cannot tell is right makes the short-lived wrong ids that count as two switches each (the module
 * README's "Identities: contested matches held back"). Reuses the frame's OKS and colour distances: allocates nothing.
 */
final class ContestedMatches {
    /** Least OKS of the other track on the detection for the match to be contested. */
    static final float OTHER_OKS = 0.5f;
    /** The other track's OKS must be at least this many times the matched track's own (about as well). */
    static final float RATIO = 0.9f;
    private final TrackTable tracks;
    private final FrameState frame;
    private final AppearanceTemplates looks;
    private final AppearanceParams look;
    private final LookRows lookRows;

    ContestedMatches(TrackTable tracks, FrameState frame, AppearanceTemplates looks, AppearanceParams look,
                     LookRows lookRows) {
        this.tracks = tracks;
        this.frame = frame;
        this.looks = looks;
        this.look = look;
        this.lookRows = lookRows;
    }

    /** Whether detection p, matched to track t, is contested by an unmatched established track (see the class). */
    boolean contested(Poses poses, int p, int t) {
        float[] oks = frame.oks;
        int row = p * tracks.capacity;
        float own = oks[row + t];
        for (int u = 0; u < tracks.size; u++) {
            float other = oks[row + u];
            if (u != t && frame.trackDet[u] < 0 && tracks.established(u) && other >= OTHER_OKS
                    && other >= RATIO * own && !coloursSayOwn(poses, p, t, u)) {
                return true;
            }
        }
        return false;
    }

    private boolean coloursSayOwn(Poses poses, int p, int t, int u) {
        if (looks.parts() == 0) {
            return false;
        }
        float mine = lookRows.lookDistance(poses, p, t);
        if (mine < 0f || mine > look.near()) {
            return false;
        }
        float theirs = lookRows.lookDistance(poses, p, u);
        return theirs < 0f || theirs > mine + look.margin();
    }
}
