package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;
import java.util.Arrays;

/**
 * Takes other people's keypoints out of a matched detection. Where people cross, a bottom-up grouper
 * (whose PAFs are averaged where limbs overlap, and whose peaks of two close joints merge) often joins one
 * person's legs to another's torso: one skeleton, two people. After association, every keypoint of a
 * detection matched to an established track is checked against that track's predicted keypoint and against
 * the other established tracks near it; a keypoint that its own track does not explain (per-keypoint OKS
 * below 0.5) but another track explains better (and at least 0.5) belongs to that other person. It is taken
 * out of the detection, so it neither moves nor reshapes the wrong track nor is published as part of the
 * wrong person, and it is given to its owner's matched detection when that lacks it (otherwise dropped).
 * Scratch arrays only; allocates nothing per frame.
 */
final class KeypointOwners {
    static final float OWN = 0.5f;
    static final float OTHER = 0.5f;
    /** exp(-0.6) = 0.549 &ge; {@link #OWN}: a keypoint closer than that to its own track's is its own, surely. */
    private static final float OWN_ARG = 0.6f;
    /**
     * A matched pair whose OKS falls short of 1 by at most this over its shared keypoints, (1 - OKS) x shared,
     * has every keypoint at per-keypoint OKS 0.55 or more, above {@link #OWN}: each term is at most 1, so none
     * falls short by more than the sum does. The margin (0.05) is far above the float error of the sum and of
     * the OKS matrix's 1 / area against {@link Similarity#one}'s division (about 1e-5).
     */
    static final float SHORTFALL = 0.45f;
    private final int keypoints;
    private final int[] owner;
    /**
     * Detections given a keypoint this frame: they have keypoints their OKS was not computed on, so they take the
     * full check. A safeguard: while {@link #OTHER} &ge; {@link #OWN} a received keypoint passes its new owner's
     * check again (the same per-keypoint OKS), so the flag changes no outcome with these constants; it keeps the
     * shortcut from resting on that.
     */
    private boolean[] received = new boolean[0];
    /** Tests only: every matched detection's keypoints checked, without the OKS shortcut. */
    boolean straight;
    /** Tests only: keypoints moved or dropped so far. */
    long movedTotal;
    /** Tests only: matched detections whose check the OKS shortcut skipped so far. */
    long skippedTotal;

    KeypointOwners(int keypoints) {
        this.keypoints = keypoints;
        this.owner = new int[keypoints];
    }

    /**
     * @param n        detections of this frame
     * @param oks      [p * stride + t] OKS of detection p against track t's predicted pose, 0 where not near
     * @param keys     the detections' keypoints as of that OKS
     * @param detTrack each detection's track, or negative
     * @param trackDet each track's detection, or -1
     * @return keypoints moved or dropped
     */
    int reassign(Poses poses, int n, TrackTable tr, float[] oks, int stride, DetectionKeys keys, int[] detTrack,
                 int[] trackDet, float[] kappa) {
        if (received.length < n) {
            received = new boolean[poses.capacity()];
        }
        Arrays.fill(received, 0, n, false);
        int moved = 0;
        for (int p = 0; p < n; p++) {
            int t = detTrack[p];
            if (t < 0 || !tr.established(t)) {
                continue;
            }
            // a detection given no keypoint has those its OKS was computed on (it loses its own only after)
            boolean sure = !straight && !received[p] && allOwn(oks[p * stride + t], keys, p, tr, t);
            skippedTotal += sure ? 1 : 0;
            if (sure || !owners(poses, p, t, tr, oks, stride, kappa)) {
                continue;
            }
            for (int j = 0; j < keypoints; j++) {
                if (owner[j] < 0) {
                    continue;
                }
                int q = trackDet[owner[j]];
                if (q >= 0 && !poses.present(q, j)) {
                    poses.setKeypoint(q, j, poses.x(p, j), poses.y(p, j), poses.score(p, j));
                    received[q] = true;
                }
                poses.setKeypoint(p, j, 0f, 0f, 0f);
                moved++;
            }
        }
        movedTotal += moved;
        return moved;
    }

    /**
     * True when detection p's OKS against its track t shows that every keypoint they share is t's at
     * per-keypoint OKS above {@link #OWN} ({@link #SHORTFALL}), so no keypoint can go to another person. Most
     * matches are that close; their keypoints need no check. Beyond 64 keypoints (no masks) the detection's
     * keypoint count stands in for the shared count: it is at least as large, so the test is only stricter.
     */
    static boolean allOwn(float oks, DetectionKeys keys, int p, TrackTable tr, int t) {
        int shared = tr.keypoints <= 64 ? Long.bitCount(keys.mask(p) & tr.hasMask[t]) : keys.count(p);
        return (1f - oks) * shared <= SHORTFALL;
    }

    /** Fills {@link #owner} with the track each keypoint of p belongs to instead of t, or -1; true if any. */
    private boolean owners(Poses poses, int p, int t, TrackTable tr, float[] near, int stride, float[] kappa) {
        boolean others = false;
        for (int u = 0; u < tr.size && !others; u++) {
            others = u != t && near[p * stride + u] != 0f && tr.established(u);
        }
        if (!others) {
            return false;
        }
        boolean any = false;
        float areaT = tr.area(t);
        for (int j = 0; j < keypoints; j++) {
            owner[j] = -1;
            if (!poses.present(p, j) || !tr.has[t * keypoints + j]) {
                continue;
            }
            float x = tr.px[t * keypoints + j];
            float y = tr.py[t * keypoints + j];
            if (Similarity.surelyAbove(poses, p, j, x, y, areaT, kappa, OWN_ARG)) {
                continue;
            }
            double own = Similarity.one(poses, p, j, x, y, areaT, kappa);
            if (own >= OWN) {
                continue;
            }
            double best = Math.max(own, OTHER);
            for (int u = 0; u < tr.size; u++) {
                int at = u * keypoints + j;
                if (u == t || near[p * stride + u] == 0f || !tr.established(u) || !tr.has[at]) {
                    continue;
                }
                double s = Similarity.one(poses, p, j, tr.px[at], tr.py[at], tr.area(u), kappa);
                if (s >= best) {
                    best = s;
                    owner[j] = u;
                }
            }
            any |= owner[j] >= 0;
        }
        return any;
    }
}
