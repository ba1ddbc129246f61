package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * The {@link Tracker}'s association of a frame's detections to its tracks, in ByteTrack's stages: stage 1
 * whole detections against every track by predicted pose and box (then revised: {@link StageOneRevisions}),
 * stage 2 partial detections against the active confirmed tracks left by predicted pose and coverage, stage
 * 3 (OC-SORT's observation-centric recovery) whole detections left against confirmed tracks left by the
 * pose they were last seen in. Every pair's similarity passes the appearance factor ({@link LookRows}); stage 1
 * computes it only where it can change the answer ({@link StageOne}).
 */
final class Association {
    private static final float PARTIAL_GATE = 0.5f;
    private final TrackerParams params;
    private final TrackTable tracks;
    private final FrameState frame;
    private final LookRows lookRows;
    private final StageOneRevisions revisions;
    final StageOne stageOne;
    /**
     * Tests only: stage 2 weighs every partial detection's row against {@link #explainedBy}, the straightforward
     * computation; otherwise only rows with a pair at the gate are (the others are refused either way).
     */
    boolean straight;
    /** Tests only: stage-2 rows weighed against {@link #explainedBy} so far. */
    long explainedRows;

    Association(TrackerParams params, TrackTable tracks, FrameState frame, LookRows lookRows,
                StageOneRevisions revisions) {
        this.params = params;
        this.tracks = tracks;
        this.frame = frame;
        this.lookRows = lookRows;
        this.revisions = revisions;
        this.stageOne = new StageOne(params, tracks, frame, lookRows);
    }

    void associate(Poses poses, float[] kappa) {
        boolean[] whole = frame.whole;
        int[] rows = frame.rows;
        int[] cols = frame.cols;
        float[] sim = frame.sim;
        int[] detTrack = frame.detTrack;
        int[] trackDet = frame.trackDet;
        Assignment assignment = frame.assignment;
        int n = poses.count();
        int stride = tracks.capacity;
        // stage 1: whole detections against every track, by predicted pose and box
        int nr = stageOne.match(poses, n);
        revisions.undoCopies(n);
        stageOne.settleUnmatched(poses, nr);
        revisions.occludedByLookAlike(poses, n);
        // stage 2: partial detections against the active confirmed tracks left, by predicted pose and coverage
        nr = 0;
        for (int p = 0; p < n; p++) {
            if (detTrack[p] == -1 && !whole[p]) {
                rows[nr++] = p;
            }
        }
        int nc = 0;
        for (int t = 0; t < tracks.size; t++) {
            if (trackDet[t] < 0 && tracks.state[t] == TrackTable.CONFIRMED) {
                cols[nc++] = t;
            }
        }
        float gate = partialGate();
        for (int i = 0; i < nr; i++) {
            boolean admissible = false;
            for (int j = 0; j < nc; j++) {
                float s = partialSimilarity(poses, rows[i], cols[j], kappa);
                sim[i * stride + j] = s;
                admissible |= s >= gate;
            }
            // a row without a pair at the gate is refused whatever explainedBy says (the usual case: no candidate)
            if (admissible || straight) {
                explainedRows++;
                float explained = explainedBy(poses, rows[i], kappa);
                for (int j = 0; j < nc; j++) {
                    float s = sim[i * stride + j];
                    sim[i * stride + j] = s > explained ? s : 0f;
                }
            }
        }
        assignment.solve(sim, rows, nr, cols, nc, gate, detTrack, trackDet);
        // stage 3 (OC-SORT's observation-centric recovery): whole detections left against confirmed tracks left,
        // by the pose they were last seen in
        nr = 0;
        for (int p = 0; p < n; p++) {
            if (detTrack[p] == -1 && whole[p]) {
                rows[nr++] = p;
            }
        }
        nc = 0;
        for (int t = 0; t < tracks.size; t++) {
            if (trackDet[t] < 0 && tracks.established(t)) {
                cols[nc++] = t;
            }
        }
        for (int i = 0; i < nr; i++) {
            for (int j = 0; j < nc; j++) {
                float o = Similarity.oksLastSeen(poses, rows[i], tracks, cols[j], kappa);
                sim[i * stride + j] = o == 0f ? 0f : lookRows.withLooks(o, params.minSimilarity(), poses, rows[i], cols[j]);
            }
        }
        assignment.solve(sim, rows, nr, cols, nc, params.minSimilarity(), detTrack, trackDet);
    }

    private float partialSimilarity(Poses poses, int p, int t, float[] kappa) {
        float o = frame.oks[p * tracks.capacity + t];
        if (o == 0f) {
            return 0f;
        }
        float w = params.oksWeight();
        return lookRows.withLooks(w * o + (1 - w) * BoxSimilarity.coverage(poses, p, frame.detKeys, tracks, t), partialGate(), poses, p, t);
    }

    private float partialGate() {
        return Math.max(PARTIAL_GATE, params.minSimilarity());
    }

    /**
     * How well the people matched in stage 1 explain partial detection p: its best similarity to their
     * tracks. A partial detection continues another track only if that track explains it better, so the
     * fragment of a person in front never drags along the track of a person hidden behind. Asked only for
     * rows with a pair at stage 2's gate: it changes nothing in the others (refused either way), which are
     * most (at 8 people on the bench every confirmed track is usually matched in stage 1: no candidate).
     */
    private float explainedBy(Poses poses, int p, float[] kappa) {
        int[] trackDet = frame.trackDet;
        float best = 0f;
        for (int t = 0; t < tracks.size; t++) {
            if (trackDet[t] >= 0) {
                best = Math.max(best, partialSimilarity(poses, p, t, kappa));
            }
        }
        return best;
    }
}
