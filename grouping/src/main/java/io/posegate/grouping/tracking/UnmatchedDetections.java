package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * The {@link Tracker}'s handling of detections still unmatched after association and keypoint owners. One
 * that overlaps an active confirmed track's predicted pose is merged into that person (its keypoints fill
 * the person's missing ones where they agree with the prediction) or dropped, unless it is whole and has
 * keypoints at other places than that person's detection: a second person in front or behind, who goes
 * back to the track a copy-undo took it from, else to the lost track it matches in colour
 * ({@link Reidentification}), else starts a track. Other whole detections are re-identified or start
 * tracks; other partial ones are dropped.
 */
final class UnmatchedDetections {
    /** Per-keypoint OKS at which two keypoints are at the same place (merge, conflicts, copies). */
    static final float MERGE_OKS = 0.5f;
    /** Keypoints at other places than a confirmed person's that make a whole detection over it a second person. */
    private static final int OTHER_PERSON_CONFLICTS = 2;
    private static final float OVERLAP_COVERAGE = 0.6f;
    private static final float OVERLAP_OKS = 0.15f;
    private final int keypoints;
    private final TrackTable tracks;
    private final FrameState frame;
    private final Reidentification reid;

    UnmatchedDetections(int keypoints, TrackTable tracks, FrameState frame, Reidentification reid) {
        this.keypoints = keypoints;
        this.tracks = tracks;
        this.frame = frame;
        this.reid = reid;
    }

    /** Merges or drops detections over a confirmed person; starts tracks from the other whole ones. */
    void settleUnmatched(Poses poses, int n, float[] kappa, long now) {
        int[] detTrack = frame.detTrack;
        int[] trackDet = frame.trackDet;
        int[] undone = frame.undone;
        boolean[] whole = frame.whole;
        byte[] fate = frame.fate;
        float[] oks = frame.oks;
        for (int p = 0; p < n; p++) {
            if (detTrack[p] >= 0) {
                continue;
            }
            int over = -1;
            float best = 0f;
            for (int t = 0; t < tracks.size; t++) {
                float o = oks[p * tracks.capacity + t];
                if (tracks.state[t] != TrackTable.CONFIRMED || o < OVERLAP_OKS || o <= best
                        || BoxSimilarity.coverage(poses, p, tracks, t) < OVERLAP_COVERAGE) {
                    continue;
                }
                best = o;
                over = t;
            }
            if (over >= 0 && trackDet[over] >= 0 && whole[p]
                    && conflicts(poses, p, trackDet[over], over, kappa) >= OTHER_PERSON_CONFLICTS) {
                // a second person after all: an undone copy gets its stage-1 track back, else a lost track by colour
                int lost = detTrack[p] == FrameState.DUPLICATE && trackDet[undone[p]] < 0 ? undone[p]
                        : reid.reidentify(poses, p, now);
                if (lost >= 0) {
                    detTrack[p] = lost;
                    trackDet[lost] = p;
                } else {
                    fate[p] = FrameState.START;
                }
            } else if (over >= 0) {
                if (trackDet[over] >= 0) {
                    merge(poses, p, trackDet[over], over, kappa);
                }
            } else if (whole[p]) {
                int lost = reid.reidentify(poses, p, now);
                if (lost >= 0) {
                    detTrack[p] = lost;
                    trackDet[lost] = p;
                } else {
                    fate[p] = FrameState.START;
                }
            }
        }
    }

    /** Keypoints that detections p and q both have at clearly different places: p is another person. */
    private int conflicts(Poses poses, int p, int q, int t, float[] kappa) {
        float area = tracks.area(t);
        int n = 0;
        for (int j = 0; j < keypoints; j++) {
            if (poses.present(p, j) && poses.present(q, j)
                    && Similarity.one(poses, p, j, poses.x(q, j), poses.y(q, j), area, kappa) < MERGE_OKS) {
                n++;
            }
        }
        return n;
    }

    /** Copies fragment f's keypoints that person q lacks and that agree with track t's prediction into q. */
    private void merge(Poses poses, int f, int q, int t, float[] kappa) {
        float area = tracks.area(t);
        for (int j = 0; j < keypoints; j++) {
            int at = t * keypoints + j;
            if (poses.present(f, j) && !poses.present(q, j) && tracks.has[at]
                    && Similarity.one(poses, f, j, tracks.px[at], tracks.py[at], area, kappa) >= MERGE_OKS) {
                poses.setKeypoint(q, j, poses.x(f, j), poses.y(f, j), poses.score(f, j));
            }
        }
    }
}
