package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * Revisions of the {@link Tracker}'s stage-1 matches ({@link Association}): a match is undone when another
 * matched person explains the detection far better (a second copy of that person from the grouper), and
 * whole detections left unmatched only because their colours point at a track that has its own detection
 * this frame are matched again without the appearance factor.
 */
final class StageOneRevisions {
    /** A stage-1 match is undone when another matched person explains the detection this many times better. */
    private static final float COPY_RATIO = 0.5f;
    private final TrackerParams params;
    private final TrackTable tracks;
    private final AppearanceTemplates looks;
    private final FrameState frame;
    private final LookRows lookRows;
    /** Tests only: {@link #undoCopies} looks at every match, the straightforward computation. */
    boolean straight;
    /** Tests only: stage-1 matches undone so far. */
    long undone;

    StageOneRevisions(TrackerParams params, TrackTable tracks, AppearanceTemplates looks, FrameState frame,
                      LookRows lookRows) {
        this.params = params;
        this.tracks = tracks;
        this.looks = looks;
        this.frame = frame;
        this.lookRows = lookRows;
    }

    /**
     * Undoes stage-1 matches of detections that another matched, established track explains far better:
     * a second copy of that person from the grouper, taken only because its own track was free.
     */
    void undoCopies(int n) {
        int[] detTrack = frame.detTrack;
        int[] trackDet = frame.trackDet;
        float[] oks = frame.oks;
        int stride = tracks.capacity;
        for (int p = 0; p < n; p++) {
            int t = detTrack[p];
            if (t < 0) {
                continue;
            }
            float own = oks[p * stride + t];
            if (own >= COPY_RATIO && !straight) {
                continue; // no other track's OKS is above 1 (the mean of terms of at most 1), so none is above own / COPY_RATIO
            }
            for (int u = 0; u < tracks.size; u++) {
                float o = oks[p * stride + u];
                if (u != t && trackDet[u] >= 0 && tracks.established(u) && o >= UnmatchedDetections.MERGE_OKS
                        && own < COPY_RATIO * o) {
                    detTrack[p] = FrameState.DUPLICATE;
                    undone++;
                    frame.undone[p] = t;
                    trackDet[t] = -1;
                    break;
                }
            }
        }
    }

    /**
     * Stage 1 again, without the appearance factor, for the whole detections it left unmatched because their
     * colours pointed at a track that has another detection of its own this frame: a person partly hidden
     * behind that one, whose limbs show the front person's colours (the appearance factor is meant for the
     * front person's own detection, not for what shows of the person behind). Against the established tracks
     * left, by predicted pose and box, gated at {@link TrackerParams#minSimilarity()}.
     */
    void occludedByLookAlike(Poses poses, int n) {
        if (looks.parts() == 0) {
            return;
        }
        boolean[] whole = frame.whole;
        int[] detTrack = frame.detTrack;
        int[] trackDet = frame.trackDet;
        int[] rows = frame.rows;
        int[] cols = frame.cols;
        float[] sim = frame.sim;
        float[] oks = frame.oks;
        float[] detBox = frame.detBox;
        int stride = tracks.capacity;
        float w = params.oksWeight();
        int nr = 0;
        for (int p = 0; p < n; p++) {
            if (whole[p] && detTrack[p] == -1) {
                int front = lookRows.closestTrack(poses, p);
                if (front >= 0 && trackDet[front] >= 0 && trackDet[front] != p) {
                    rows[nr++] = p;
                }
            }
        }
        if (nr == 0) {
            return;
        }
        int nc = 0;
        for (int t = 0; t < tracks.size; t++) {
            if (trackDet[t] < 0 && tracks.established(t)) {
                cols[nc++] = t;
            }
        }
        for (int i = 0; i < nr; i++) {
            for (int j = 0; j < nc; j++) {
                float o = oks[rows[i] * stride + cols[j]];
                sim[i * stride + j] = StageOne.similarity(w, o, detBox, rows[i], tracks, cols[j]);
            }
        }
        frame.assignment.solve(sim, rows, nr, cols, nc, params.minSimilarity(), detTrack, trackDet);
    }
}
