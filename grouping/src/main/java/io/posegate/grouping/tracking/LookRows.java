package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * The {@link Tracker}'s appearance per frame ({@link AppearanceParams}): colour distances of detections to
 * tracks, computed when first asked for ({@link LookDistances}), each detection's closest-looking established tracks (its look
 * row), found when first needed, and the appearance factor a pair's similarity is multiplied by (learning
 * a clean match's colours is {@link LookLearning}'s). Reuses its arrays: allocates nothing in steady state.
 */
final class LookRows {
    private static final byte ROW_NONE = 0;
    private static final byte ROW_UP_TO_NEAR = 1;
    private static final byte ROW_EXACT = 2;
    private final TrackTable tracks;
    private final AppearanceTemplates looks;
    private final AppearanceParams look;
    private final FrameState frame;
    /** Per detection: the smallest and second smallest colour distance to a near established track, and that track. */
    private float[] lookBest = new float[0];
    private float[] lookSecond = new float[0];
    private int[] lookBestTrack = new int[0];
    private final LookDistances distances;
    /**
     * Per detection, how far lookBest, lookSecond and lookBestTrack are filled this frame (when first needed):
     * {@link #ROW_NONE}, {@link #ROW_UP_TO_NEAR} (exact at or below near, as {@link #looksLike} reads them) or
     * {@link #ROW_EXACT}.
     */
    private byte[] lookRowState = new byte[0];
    /** near + margin as a float sum (see {@link LookDistances#anotherLooksAlike}). */
    private final float nearPlusMargin;
    /**
     * Tests only: every pair's colour distance up front and every pair's appearance factor, the straightforward
     * computation the shortcuts of {@link #withLooks} and {@link #lookRow} must give the same decisions as.
     */
    boolean eagerLooks;

    LookRows(TrackTable tracks, AppearanceTemplates looks, AppearanceParams look, FrameState frame) {
        this.tracks = tracks;
        this.looks = looks;
        this.look = look;
        this.frame = frame;
        this.nearPlusMargin = look.near() + look.margin();
        this.distances = new LookDistances(tracks, looks, look, frame);
    }

    void grow(int poseCapacity) {
        lookBest = new float[poseCapacity];
        lookSecond = new float[poseCapacity];
        lookBestTrack = new int[poseCapacity];
        lookRowState = new byte[poseCapacity];
        distances.grow(poseCapacity);
    }

    /**
     * Readies this frame's colour distances, computed when first asked for ({@link #lookDistance}), and the
     * established tracks that look closest to each detection, found when first needed ({@link #lookRow}).
     * (Only pairs with OKS of 0.1 or more competing was tried: panel IDF1 0.779 against 0.802.)
     */
    void closestLooks(Poses poses, int n) {
        looks.index(poses, n);
        for (int p = 0; p < n; p++) {
            distances.forget(p);
            lookRowState[p] = ROW_NONE;
            if (eagerLooks) {
                for (int t = 0; t < tracks.size; t++) {
                    lookDistance(poses, p, t);
                }
                lookRow(poses, p, true);
            }
        }
    }

    /**
     * A pair's similarity: its similarity without appearance, base, times {@link #looksLike}, where that
     * factor can change a decision. It is in [0, 1] (never NaN while margin &gt;= 0), so a pair whose base is
     * below its stage's gate stays below it whatever the factor: the assignment refuses it either way, and
     * as a term of {@link Association#explainedBy} (compared only with similarities at or above the gate) it
     * loses to them either way. Such pairs skip the colour work.
     */
    float withLooks(float base, float gate, Poses poses, int p, int t) {
        return base < gate && look.margin() >= 0f && !eagerLooks ? base : base * looksLike(poses, p, t);
    }

    /**
     * Whether {@link #withLooks} may be left out where it cannot change an answer ({@link StageOne}): there are
     * colours, the factor is in [0, 1] (margin &gt;= 0), and not {@link #eagerLooks}.
     */
    boolean factorOnlyLowers() {
        return looks.parts() > 0 && look.margin() >= 0f && !eagerLooks;
    }

    /**
     * Appearance factor of detection p for track t: 1 when their limb colours agree (distance up to
     * {@link AppearanceParams#near}), cannot be compared, or (with a margin) do not point at another near
     * track; else falling to {@link AppearanceParams#floor} at {@link AppearanceParams#far}.
     */
    private float looksLike(Poses poses, int p, int t) {
        if (looks.parts() == 0) {
            return 1f;
        }
        float d = lookDistance(poses, p, t);
        if (d <= look.near()) {
            return 1f;
        }
        if (look.margin() >= 0f) {
            if (d > nearPlusMargin && lookRowState[p] == ROW_NONE) {
                // other + margin < d holds for every other <= near: only whether one exists matters
                if (!distances.anotherLooksAlike(poses, p)) {
                    return 1f;
                }
            } else {
                if (lookRowState[p] == ROW_NONE) {
                    lookRow(poses, p, false);
                }
                float other = lookBestTrack[p] == t ? lookSecond[p] : lookBest[p];
                if (!(other <= look.near() && other + look.margin() < d)) {
                    return 1f;
                }
            }
        }
        float floor = look.floor();
        return d >= look.far() ? floor : floor + (1f - floor) * (look.far() - d) / (look.far() - look.near());
    }

    /** The established track that looks closest to detection p whatever its distance (its exact row), or -1. */
    int closestTrack(Poses poses, int p) {
        if (lookRowState[p] != ROW_EXACT) {
            lookRow(poses, p, true);
        }
        return lookBestTrack[p];
    }

    /** Colour distance of detection p to track t, computed once per frame ({@link LookDistances#exact}). */
    float lookDistance(Poses poses, int p, int t) {
        return distances.exact(poses, p, t);
    }

    /**
     * For detection p, the smallest and second smallest colour distance among the established tracks with
     * OKS above 0 (that can be compared), and the track of the smallest. {@link #looksLike} reads them only
     * through "other &lt;= near", so a distance above near may stand in as +infinity (it cannot be the smallest
     * or second smallest at or below near, and whichever track is "best" above near, the other distance
     * read is above near too); a distance at or below near is exact, so those are the same. With
     * {@code exact} (for {@link StageOneRevisions#occludedByLookAlike}, which reads the closest track whatever
     * its distance) every distance is exact.
     */
    private void lookRow(Poses poses, int p, boolean exact) {
        float[] oks = frame.oks;
        int stride = tracks.capacity;
        float best = Float.MAX_VALUE;
        float second = Float.MAX_VALUE;
        int bestTrack = -1;
        for (int t = 0; t < tracks.size; t++) {
            if (oks[p * stride + t] == 0f || !tracks.established(t)) {
                continue;
            }
            // only distances up to near can change a decision here (looksLike); a larger one may be +infinity
            float d = exact ? distances.exact(poses, p, t) : distances.upToNear(poses, p, t);
            if (d < 0f) {
                continue;
            }
            if (d < best) {
                second = best;
                best = d;
                bestTrack = t;
            } else if (d < second) {
                second = d;
            }
        }
        lookBest[p] = best;
        lookSecond[p] = second;
        lookBestTrack[p] = bestTrack;
        lookRowState[p] = exact ? ROW_EXACT : ROW_UP_TO_NEAR;
    }
}
