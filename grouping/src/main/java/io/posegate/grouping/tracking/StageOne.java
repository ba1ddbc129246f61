package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * The {@link Association}'s stage 1 (whole detections against every track, by predicted pose and box, times
 * the appearance factor of {@link LookRows#withLooks}), with the factors of the pairs left out of the answer
 * computed only where they could change it. The factor is in [0, 1] (margin &gt;= 0) and a similarity is at
 * least 0, so it only lowers a pair. Stage 1 is first solved without factors; when {@link Assignment}
 * answered from a shortcut ({@link Assignment#shortcut}) and the factor leaves every matched pair's
 * similarity as it is, the factored matrix has the same answer by the same shortcut: its admissible pairs
 * are a subset holding the matched ones (so "no two admissible partners" still holds), and every other cost
 * 1 - s only grows or becomes refused (so every row's, or column's, strict smallest stays where it was).
 * Otherwise the factored matrix is built and solved, as before.
 *
 * <p>The frame's colour distances are cached ({@link LookDistances}) and {@link ContestedMatches} reads a
 * matched pair's after the track learnt from the detection: a distance computed in association is the one
 * before learning. So which of them association computes must stay the same where it is read: the matched
 * pairs' are computed here (their factor), the rows left unmatched get their factors afterwards
 * ({@link #settleUnmatched}, the same calls in the same order, per detection, as the factored build: a
 * detection's cached distances, look row and look-alike answer depend on its own row's calls only), and
 * the other pairs of a matched row are read later only for tracks that got no detection, whose templates
 * do not change in the frame.
 */
final class StageOne {
    private final TrackerParams params;
    private final TrackTable tracks;
    private final FrameState frame;
    private final LookRows lookRows;
    /** Tests only: every factor before solving, the straightforward computation. */
    boolean factorsFirst;
    /** Tests only: frames answered without the factored matrix, and frames that built it after all. */
    long deferred;
    long rebuilt;
    /** Whether {@link #settleUnmatched} still owes the unmatched rows their factors (a deferred stage 1). */
    private boolean unmatchedFactorsOwed;

    StageOne(TrackerParams params, TrackTable tracks, FrameState frame, LookRows lookRows) {
        this.params = params;
        this.tracks = tracks;
        this.frame = frame;
        this.lookRows = lookRows;
    }

    /** Fills the frame's rows (whole detections) and columns (every track), matches them; returns the rows. */
    int match(Poses poses, int n) {
        boolean[] whole = frame.whole;
        int[] rows = frame.rows;
        int[] cols = frame.cols;
        float[] sim = frame.sim;
        float[] oks = frame.oks;
        float[] detBox = frame.detBox;
        int stride = tracks.capacity;
        float w = params.oksWeight();
        float gate = params.minSimilarity();
        int nr = 0;
        for (int p = 0; p < n; p++) {
            if (whole[p]) {
                rows[nr++] = p;
            }
        }
        int nc = tracks.size;
        for (int t = 0; t < nc; t++) {
            cols[t] = t;
        }
        boolean defer = lookRows.factorOnlyLowers() && !factorsFirst;
        for (int i = 0; i < nr; i++) {
            int p = rows[i];
            for (int t = 0; t < nc; t++) {
                float o = oks[p * stride + t];
                float base = similarity(w, o, detBox, p, tracks, t);
                sim[i * stride + t] = o == 0f || defer ? base : lookRows.withLooks(base, gate, poses, p, t);
            }
        }
        Assignment assignment = frame.assignment;
        assignment.solve(sim, rows, nr, cols, nc, gate, frame.detTrack, frame.trackDet);
        unmatchedFactorsOwed = defer;
        if (!defer) {
            return nr;
        }
        if (assignment.shortcut && matchedKeepTheirSimilarity(poses, nr)) {
            deferred++;
            return nr;
        }
        rebuilt++;
        unmatchedFactorsOwed = false;
        for (int t = 0; t < nc; t++) {
            frame.trackDet[t] = -1;
        }
        for (int i = 0; i < nr; i++) {
            int p = rows[i];
            frame.detTrack[p] = -1;
            for (int t = 0; t < nc; t++) {
                if (oks[p * stride + t] != 0f) {
                    sim[i * stride + t] = lookRows.withLooks(sim[i * stride + t], gate, poses, p, t);
                }
            }
        }
        assignment.solve(sim, rows, nr, cols, nc, gate, frame.detTrack, frame.trackDet);
        return nr;
    }

    /**
     * Stage 1's similarity of detection p (box in detBox) and track t without the appearance factor: w x their
     * OKS o + (1 - w) x box IoU, 0 when o is 0 (no keypoint in common, or not near).
     */
    static float similarity(float w, float o, float[] detBox, int p, TrackTable tracks, int t) {
        return o == 0f ? 0f : w * o + (1 - w) * BoxSimilarity.iou(detBox, 4 * p, tracks.box, 4 * t);
    }

    /** Whether the appearance factor leaves each matched pair's similarity as it is (computing their factors). */
    private boolean matchedKeepTheirSimilarity(Poses poses, int nr) {
        int stride = tracks.capacity;
        for (int i = 0; i < nr; i++) {
            int p = frame.rows[i];
            int t = frame.detTrack[p];
            if (t >= 0) {
                float s = frame.sim[i * stride + t];
                if (lookRows.withLooks(s, params.minSimilarity(), poses, p, t) != s) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * After a deferred stage 1 (and the copies undone), the factors of the rows left without a track, as the
     * factored build would have computed them (see the class): call before anything else reads those rows'
     * colours. Needs the frame's rows and matrix of {@link #match} (nr rows) untouched. Most of these
     * distances are computed again anyway (a whole detection left unmatched gets its exact look row in
     * {@link StageOneRevisions#occludedByLookAlike}); the case they keep the same is a copy undone that
     * {@link UnmatchedDetections} then hands to a lost track, which learns from it this frame.
     */
    void settleUnmatched(Poses poses, int nr) {
        if (!unmatchedFactorsOwed) {
            return;
        }
        int stride = tracks.capacity;
        for (int i = 0; i < nr; i++) {
            int p = frame.rows[i];
            if (frame.detTrack[p] >= 0) {
                continue;
            }
            for (int t = 0; t < tracks.size; t++) {
                if (frame.oks[p * stride + t] != 0f) {
                    lookRows.withLooks(frame.sim[i * stride + t], params.minSimilarity(), poses, p, t);
                }
            }
        }
    }
}
