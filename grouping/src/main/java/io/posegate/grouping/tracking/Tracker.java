package io.posegate.grouping.tracking;

import static java.util.Objects.requireNonNull;

import io.posegate.grouping.Poses;
import java.util.Arrays;

/**
 * Multi-person tracker: a Kalman motion model per track, optimal assignment on OKS against the predicted
 * pose plus box IoU, ByteTrack's two-stage association, OC-SORT's observation-centric recovery and
 * re-update, norfair's hit counter and initialisation delay, and fragment suppression.
 *
 * <p>Per {@link #update}: every track is predicted to the frame's time ({@link MotionModel}) and its pose
 * projected from its template. Detections are whole or partial ({@link PublishRule}). Stage 1 assigns
 * whole detections to all tracks; stage 2 assigns partial detections to the active confirmed tracks left
 * (a stricter gate: OKS and box coverage); stage 3 assigns whole detections left to confirmed tracks left
 * by their last observed pose. A stage-1 match is undone when another matched person explains the
 * detection far better (a second copy of that person from the grouper). Keypoints of a matched detection
 * that another person's track explains and its own does not are moved to that person ({@link KeypointOwners}:
 * skeletons the grouper mixed from two people at a crossing). A detection still unmatched that overlaps an
 * active confirmed track's predicted pose is merged into that person (its keypoints fill the person's
 * missing ones where they agree with the prediction) or dropped, unless it is whole and has keypoints at
 * other places than that person's detection (a second person in front or behind: it goes back to the
 * track a copy-undo took it from, else to the lost track it matches in colour, else it starts a track); other
 * whole detections start tentative tracks; other partial ones are dropped. A tentative track is
 * confirmed, and gets an id, after {@link TrackerParams#confirmHits()} hits (the id of a lost track whose
 * colours it matches, if any: re-identification once the new track has been seen a few times); it dies when its hit counter (one up per hit, one down per miss) reaches 0. A confirmed track
 * that misses is lost, predicted on, re-found by its predicted or last seen pose (its motion then
 * re-updated along the straight path between the two observations), and retired after
 * {@link TrackerParams#maxLostFrames()} frames or {@link TrackerParams#maxLostSeconds()} seconds.
 *
 * <p>Appearance ({@link AppearanceParams}; DeepSORT's idea, own rule): when the {@link Poses} carry limb
 * colours, each track keeps a slow per-part colour template, learnt from clean matches only, and a pair's
 * similarity in every stage is multiplied by a factor that drops to 0 when the detection's colours match
 * another near confirmed track and not this one (the person hidden behind someone does not take the front
 * person's detection). A whole detection that stage 1 left unmatched only because its colours point at a
 * track that has its own detection this frame (the limbs of a person partly hidden behind that one show the
 * front person's colours) is matched again without the factor. Without colours, or with appearance off,
 * the tracker decides as before.
 *
 * <p>Only whole detections ({@link PublishRule}, judged after keypoint owners and merges) of confirmed
 * tracks are published: everything else is removed from the
 * {@link Poses}. Ids count up from 0 and are never reused. With smoothing, published keypoints pass a
 * One Euro filter. One tracker per stream, one thread at a time; allocates nothing in steady state.
 */
public final class Tracker implements MultiPersonTracker {
    private static final float PARTIAL_GATE = 0.5f;
    /** A stage-1 match is undone when another matched person explains the detection this many times better. */
    private static final float COPY_RATIO = 0.5f;
    /** Keypoints at other places than a confirmed person's that make a whole detection over it a second person. */
    private static final int OTHER_PERSON_CONFLICTS = 2;
    private static final float OVERLAP_COVERAGE = 0.6f;
    private static final float OVERLAP_OKS = 0.15f;
    private static final float MERGE_OKS = 0.5f;
    private final TrackerParams params;
    private final int keypoints;
    private final TrackTable tracks;
    private final MotionModel motion;
    private final KeypointOwners owners;
    private final DetectionKeys detKeys;
    private final OneEuro filters;
    private final boolean[] smoothed;
    private final int[] trackDet;
    private final int[] cols;
    private final float[] kappa;
    private final KappaCache kappas;
    private final AppearanceTemplates looks;
    private final AppearanceParams look;
    private final double[] fit = new double[3];
    private Assignment assignment;
    private float[] sim = new float[0];
    private float[] oks = new float[0];
    private float[] detBox = new float[0];
    private int[] detTrack = new int[0];
    /** The stage-1 track of each detection whose match {@link #undoCopies} undid. */
    private int[] undone = new int[0];
    private int[] rows = new int[0];
    private byte[] fate = new byte[0];
    private boolean[] whole = new boolean[0];
    /** Per detection: the smallest and second smallest colour distance to a near established track, and that track. */
    private float[] lookBest = new float[0];
    private float[] lookSecond = new float[0];
    private int[] lookBestTrack = new int[0];
    /**
     * Colour distance of detection p to track t at [p * capacity + t] this frame, NaN until first asked for
     * ({@link #lookDistance}).
     */
    private float[] lookDist = new float[0];
    /**
     * Per detection, how far lookBest, lookSecond and lookBestTrack are filled this frame (when first needed):
     * {@link #ROW_NONE}, {@link #ROW_UP_TO_NEAR} (exact at or below near, as {@link #looksLike} reads them) or
     * {@link #ROW_EXACT}.
     */
    private byte[] lookRowState = new byte[0];
    /**
     * Tests only: every pair's colour distance up front and every pair's appearance factor, the straightforward
     * computation the shortcuts of {@link #withLooks} and {@link #lookRow} must give the same decisions as.
     */
    boolean eagerLooks;
    private long lastTimestamp;
    private boolean started;
    private int nextId;

    private static final int DUPLICATE = -2;
    private static final byte ROW_NONE = 0;
    private static final byte ROW_UP_TO_NEAR = 1;
    private static final byte ROW_EXACT = 2;
    /** Missed-frame count that marks a lost track whose id a new track took over (re-identified on confirmation). */
    private static final int HANDED_OVER = Integer.MAX_VALUE / 2;
    private static final byte DROP = 0;
    private static final byte KEEP = 1;
    private static final byte START = 2;

    /**
     * @param keypoints keypoints per person (as in the {@link Poses} it will see)
     * @param capacity  most tracks held at once (tentative, confirmed and lost)
     */
    public Tracker(TrackerParams params, int keypoints, int capacity) {
        this.params = requireNonNull(params, "params is null");
        if (keypoints < 1 || capacity < 1) {
            throw new IllegalArgumentException("tracker needs keypoints >= 1 and capacity >= 1, got " + keypoints
                    + " and " + capacity);
        }
        this.keypoints = keypoints;
        this.tracks = new TrackTable(keypoints, capacity);
        this.motion = new MotionModel(capacity);
        this.owners = new KeypointOwners(keypoints);
        this.detKeys = new DetectionKeys(keypoints);
        this.filters = new OneEuro(2 * keypoints * capacity, params.minCutoff(), params.beta(), params.dCutoff());
        this.smoothed = new boolean[keypoints * capacity];
        this.trackDet = new int[capacity];
        this.cols = new int[capacity];
        this.kappa = new float[keypoints];
        this.kappas = new KappaCache(keypoints);
        this.assignment = new Assignment(1, capacity);
        this.looks = new AppearanceTemplates(capacity);
        this.look = params.appearance();
    }

    @Override
    public void update(Poses poses, long timestampNanos, float[] keypointSigmas) {
        requireNonNull(poses, "poses is null");
        requireNonNull(keypointSigmas, "keypointSigmas is null");
        if (poses.keypointCount() != keypoints || keypointSigmas.length != keypoints) {
            throw new IllegalArgumentException("tracker has " + keypoints + " keypoints but got poses with "
                    + poses.keypointCount() + " and " + keypointSigmas.length + " sigmas");
        }
        kappas.fill(keypointSigmas, kappa);
        looks.ensure(look.enabled() ? poses.appearanceParts() : 0);
        double dt = started ? (timestampNanos - lastTimestamp) / 1e9 : 0;
        started = true;
        lastTimestamp = Math.max(lastTimestamp, timestampNanos);
        ensureScratch(poses.capacity());
        for (int t = 0; t < tracks.size; t++) {
            motion.predict(t, dt);
            tracks.project(t, motion.x(t), motion.y(t), motion.size(t));
            trackDet[t] = -1;
        }
        int n = poses.count();
        detKeys.index(poses, n, detBox);
        for (int p = 0; p < n; p++) {
            detTrack[p] = -1;
            fate[p] = DROP;
            whole[p] = params.publish().whole(poses, p);
        }
        for (int p = 0; p < n; p++) {
            for (int t = 0; t < tracks.size; t++) {
                oks[p * tracks.capacity + t] = Similarity.near(detBox, p, tracks, t)
                        ? Similarity.oksPredicted(poses, p, detKeys, tracks, t, kappa) : 0f;
            }
        }
        if (looks.parts() > 0) {
            closestLooks(poses, n);
        }
        associate(poses, kappa);
        owners.reassign(poses, n, tracks, oks, tracks.capacity, detTrack, trackDet, kappa);
        settleUnmatched(poses, n, kappa, timestampNanos);
        for (int t = 0; t < tracks.size; t++) {
            if (trackDet[t] >= 0) {
                follow(poses, trackDet[t], t, timestampNanos, dt);
            }
        }
        age(timestampNanos);
        for (int p = 0; p < n; p++) {
            if (fate[p] == START) {
                open(poses, p, timestampNanos);
            }
        }
        for (int p = n - 1; p >= 0; p--) {
            if (fate[p] != KEEP) {
                poses.removeSwap(p);
            }
        }
    }

    @Override
    public int liveTracks() {
        return tracks.size;
    }

    /** Confirmed tracks, active or lost, for diagnostics. */
    public int confirmedTracks() {
        int c = 0;
        for (int t = 0; t < tracks.size; t++) {
            c += tracks.established(t) ? 1 : 0;
        }
        return c;
    }

    private void associate(Poses poses, float[] kappa) {
        int n = poses.count();
        int stride = tracks.capacity;
        float w = params.oksWeight();
        // stage 1: whole detections against every track, by predicted pose and box
        int nr = 0;
        for (int p = 0; p < n; p++) {
            if (whole[p]) {
                rows[nr++] = p;
            }
        }
        int nc = 0;
        for (int t = 0; t < tracks.size; t++) {
            cols[nc++] = t;
        }
        for (int i = 0; i < nr; i++) {
            for (int j = 0; j < nc; j++) {
                int t = cols[j];
                float o = oks[rows[i] * stride + t];
                sim[i * stride + j] = o == 0f ? 0f
                        : withLooks(w * o + (1 - w) * Similarity.iou(detBox, 4 * rows[i], tracks.box, 4 * t),
                                params.minSimilarity(), poses, rows[i], t);
            }
        }
        assignment.solve(sim, rows, nr, cols, nc, params.minSimilarity(), detTrack, trackDet);
        undoCopies(n);
        occludedByLookAlike(poses, n);
        // stage 2: partial detections against the active confirmed tracks left, by predicted pose and coverage
        nr = 0;
        for (int p = 0; p < n; p++) {
            if (detTrack[p] == -1 && !whole[p]) {
                rows[nr++] = p;
            }
        }
        nc = 0;
        for (int t = 0; t < tracks.size; t++) {
            if (trackDet[t] < 0 && tracks.state[t] == TrackTable.CONFIRMED) {
                cols[nc++] = t;
            }
        }
        for (int i = 0; i < nr; i++) {
            float explained = explainedBy(poses, rows[i], kappa);
            for (int j = 0; j < nc; j++) {
                float s = partialSimilarity(poses, rows[i], cols[j], kappa);
                sim[i * stride + j] = s > explained ? s : 0f;
            }
        }
        assignment.solve(sim, rows, nr, cols, nc, partialGate(), detTrack, trackDet);
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
                sim[i * stride + j] = o == 0f ? 0f : withLooks(o, params.minSimilarity(), poses, rows[i], cols[j]);
            }
        }
        assignment.solve(sim, rows, nr, cols, nc, params.minSimilarity(), detTrack, trackDet);
    }

    /**
     * Undoes stage-1 matches of detections that another matched, established track explains far better:
     * a second copy of that person from the grouper, taken only because its own track was free.
     */
    private void undoCopies(int n) {
        int stride = tracks.capacity;
        for (int p = 0; p < n; p++) {
            int t = detTrack[p];
            if (t < 0) {
                continue;
            }
            float own = oks[p * stride + t];
            for (int u = 0; u < tracks.size; u++) {
                float o = oks[p * stride + u];
                if (u != t && trackDet[u] >= 0 && tracks.established(u) && o >= MERGE_OKS && own < COPY_RATIO * o) {
                    detTrack[p] = DUPLICATE;
                    undone[p] = t;
                    trackDet[t] = -1;
                    break;
                }
            }
        }
    }

    /**
     * Stage 1 again, without the appearance factor, for the whole detections it left unmatched because their
     * colours pointed at a track that has another detection of its own this frame: a person partly hidden
     * behind that one, whose limbs show the front person's colours (the {@link #looksLike} factor is meant
     * for the front person's own detection, not for what shows of the person behind). Against the
     * established tracks left, by predicted pose and box, gated at {@link TrackerParams#minSimilarity()}.
     */
    private void occludedByLookAlike(Poses poses, int n) {
        if (looks.parts() == 0) {
            return;
        }
        int stride = tracks.capacity;
        float w = params.oksWeight();
        int nr = 0;
        for (int p = 0; p < n; p++) {
            if (whole[p] && detTrack[p] == -1) {
                if (lookRowState[p] != ROW_EXACT) {
                    lookRow(poses, p, true);
                }
                int front = lookBestTrack[p];
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
                sim[i * stride + j] = o == 0f ? 0f
                        : w * o + (1 - w) * Similarity.iou(detBox, 4 * rows[i], tracks.box, 4 * cols[j]);
            }
        }
        assignment.solve(sim, rows, nr, cols, nc, params.minSimilarity(), detTrack, trackDet);
    }

    private float partialSimilarity(Poses poses, int p, int t, float[] kappa) {
        float o = oks[p * tracks.capacity + t];
        if (o == 0f) {
            return 0f;
        }
        float w = params.oksWeight();
        return withLooks(w * o + (1 - w) * Similarity.coverage(poses, p, tracks, t), partialGate(), poses, p, t);
    }

    private float partialGate() {
        return Math.max(PARTIAL_GATE, params.minSimilarity());
    }

    /**
     * A pair's similarity: its similarity without appearance, base, times {@link #looksLike}, where that
     * factor can change a decision. It is in [0, 1] (never NaN while margin &gt;= 0), so a pair whose base is
     * below its stage's gate stays below it whatever the factor: the assignment refuses it either way, and
     * as a term of {@link #explainedBy} (compared only with similarities at or above the gate) it loses to
     * them either way. Such pairs skip the colour work.
     */
    private float withLooks(float base, float gate, Poses poses, int p, int t) {
        return base < gate && look.margin() >= 0f && !eagerLooks ? base : base * looksLike(poses, p, t);
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
            if (lookRowState[p] == ROW_NONE) {
                lookRow(poses, p, false);
            }
            float other = lookBestTrack[p] == t ? lookSecond[p] : lookBest[p];
            if (!(other <= look.near() && other + look.margin() < d)) {
                return 1f;
            }
        }
        float floor = look.floor();
        return d >= look.far() ? floor : floor + (1f - floor) * (look.far() - d) / (look.far() - look.near());
    }

    /**
     * Readies this frame's colour distances, computed when first asked for ({@link #lookDistance}), and the
     * established tracks that look closest to each detection, found when first needed ({@link #lookRow}).
     * (Only pairs with OKS of 0.1 or more competing was tried: panel IDF1 0.779 against 0.802.)
     */
    private void closestLooks(Poses poses, int n) {
        looks.index(poses, n);
        int stride = tracks.capacity;
        for (int p = 0; p < n; p++) {
            java.util.Arrays.fill(lookDist, p * stride, p * stride + tracks.size, Float.NaN);
            lookRowState[p] = ROW_NONE;
            if (eagerLooks) {
                for (int t = 0; t < tracks.size; t++) {
                    lookDistance(poses, p, t);
                }
                lookRow(poses, p, true);
            }
        }
    }

    /** Colour distance of detection p to track t, computed once per frame (NaN: not yet; a NaN distance again). */
    private float lookDistance(Poses poses, int p, int t) {
        int at = p * tracks.capacity + t;
        float d = lookDist[at];
        if (d != d) {
            d = looks.distance(poses, p, t, look.minParts());
            lookDist[at] = d;
        }
        return d;
    }

    /**
     * For detection p, the smallest and second smallest colour distance among the established tracks with
     * OKS above 0 (that can be compared), and the track of the smallest. {@link #looksLike} reads them only
     * through "other &lt;= near", so a distance above near may stand in as +infinity (it cannot be the smallest
     * or second smallest at or below near, and whichever track is "best" above near, the other distance
     * read is above near too); a distance at or below near is exact, so those are the same. With
     * {@code exact} (for {@link #occludedByLookAlike}, which reads the closest track whatever its distance)
     * every distance is exact.
     */
    private void lookRow(Poses poses, int p, boolean exact) {
        int stride = tracks.capacity;
        float best = Float.MAX_VALUE;
        float second = Float.MAX_VALUE;
        int bestTrack = -1;
        for (int t = 0; t < tracks.size; t++) {
            if (oks[p * stride + t] == 0f || !tracks.established(t)) {
                continue;
            }
            // only distances up to near can change a decision here (looksLike); a larger one may be +infinity
            float d = lookDist[p * stride + t];
            if (d != d && exact) {
                d = lookDistance(poses, p, t);
            } else if (d != d) {
                d = looks.distanceUnlessAbove(poses, p, t, look.minParts(), look.near());
                lookDist[p * stride + t] = d == Float.POSITIVE_INFINITY ? Float.NaN : d;
            }
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

    /**
     * Learns detection p's colours into track t's template when the match is clean: a whole detection that
     * no other confirmed track explains at {@link AppearanceParams#ambiguousOks} (at a crossing its limbs may
     * show the other person).
     */
    private void learnLooks(Poses poses, int p, int t) {
        if (looks.parts() == 0 || !whole[p]) {
            return;
        }
        int stride = tracks.capacity;
        for (int u = 0; u < tracks.size; u++) {
            if (u != t && tracks.established(u) && oks[p * stride + u] >= look.ambiguousOks()) {
                return;
            }
        }
        looks.update(t, poses, p, look.alpha());
    }

    /**
     * How well the people matched in stage 1 explain partial detection p: its best similarity to their
     * tracks. A partial detection continues another track only if that track explains it better, so the
     * fragment of a person in front never drags along the track of a person hidden behind.
     */
    private float explainedBy(Poses poses, int p, float[] kappa) {
        float best = 0f;
        for (int t = 0; t < tracks.size; t++) {
            if (trackDet[t] >= 0) {
                best = Math.max(best, partialSimilarity(poses, p, t, kappa));
            }
        }
        return best;
    }

    /** Merges or drops detections over a confirmed person; starts tracks from the other whole ones. */
    private void settleUnmatched(Poses poses, int n, float[] kappa, long now) {
        for (int p = 0; p < n; p++) {
            if (detTrack[p] >= 0) {
                continue;
            }
            int over = -1;
            float best = 0f;
            for (int t = 0; t < tracks.size; t++) {
                float o = oks[p * tracks.capacity + t];
                if (tracks.state[t] != TrackTable.CONFIRMED || o < OVERLAP_OKS || o <= best
                        || Similarity.coverage(poses, p, tracks, t) < OVERLAP_COVERAGE) {
                    continue;
                }
                best = o;
                over = t;
            }
            if (over >= 0 && trackDet[over] >= 0 && whole[p]
                    && conflicts(poses, p, trackDet[over], over, kappa) >= OTHER_PERSON_CONFLICTS) {
                // a second person after all: an undone copy gets its stage-1 track back, else a lost track by colour
                int lost = detTrack[p] == DUPLICATE && trackDet[undone[p]] < 0 ? undone[p] : reidentify(poses, p, now);
                if (lost >= 0) {
                    detTrack[p] = lost;
                    trackDet[lost] = p;
                } else {
                    fate[p] = START;
                }
            } else if (over >= 0) {
                if (trackDet[over] >= 0) {
                    merge(poses, p, trackDet[over], over, kappa);
                }
            } else if (whole[p]) {
                int lost = reidentify(poses, p, now);
                if (lost >= 0) {
                    detTrack[p] = lost;
                    trackDet[lost] = p;
                } else {
                    fate[p] = START;
                }
            }
        }
    }

    /**
     * Re-identification by colour (norfair's ReID idea): a whole detection about to start a new track goes
     * instead to the lost track whose colours it matches (distance at most {@link AppearanceParams#near}), if
     * no other lost track matches nearly as well ({@link AppearanceParams#margin}) and the track's predicted
     * box centre is within (0.5 + {@link AppearanceParams#reidSpeed} x seconds lost) sizes of the detection's.
     * -1 when none.
     */
    private int reidentify(Poses poses, int p, long now) {
        if (looks.parts() == 0 || !(look.reidSpeed() > 0f)) {
            return -1;
        }
        float cx = 0.5f * (detBox[4 * p] + detBox[4 * p + 2]);
        float cy = 0.5f * (detBox[4 * p + 1] + detBox[4 * p + 3]);
        int best = -1;
        float bestD = Float.MAX_VALUE;
        float second = Float.MAX_VALUE;
        for (int t = 0; t < tracks.size; t++) {
            if (tracks.state[t] != TrackTable.LOST || trackDet[t] >= 0 || tracks.missed[t] == HANDED_OVER) {
                continue;
            }
            float d = looks.distance(poses, p, t, look.minParts());
            if (d < 0f) {
                continue;
            }
            double size = motion.size(t);
            double reach = size * (0.5 + look.reidSpeed() * Math.max(0, (now - tracks.lastSeen[t]) / 1e9));
            double dx = cx - 0.5 * (tracks.box[4 * t] + tracks.box[4 * t + 2]);
            double dy = cy - 0.5 * (tracks.box[4 * t + 1] + tracks.box[4 * t + 3]);
            if (dx * dx + dy * dy > reach * reach) {
                continue;
            }
            if (d < bestD) {
                second = bestD;
                bestD = d;
                best = t;
            } else if (d < second) {
                second = d;
            }
        }
        return best >= 0 && bestD <= look.near() && second >= bestD + Math.max(0f, look.margin()) ? best : -1;
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

    /**
     * Track t is matched to detection p: correct its motion (re-updated along the straight path from the
     * last observation when frames were missed: OC-SORT's ORU) and refresh its template, publish p if the
     * track is confirmed.
     */
    private void follow(Poses poses, int p, int t, long now, double dt) {
        PoseFit.measure(poses, p, tracks, t, motion.size(t), whole[p], fit);
        if (Double.isNaN(fit[0])) {
            tracks.coasted[t]++;
        } else {
            if (tracks.coasted[t] > 0) {
                reupdate(t, now);
            } else {
                correct(t);
            }
            motion.save(t);
            PoseFit.retemplate(poses, p, tracks, t, motion.x(t), motion.y(t), motion.size(t));
            tracks.projectLast(t, motion.x(t), motion.y(t), motion.size(t));
            tracks.lastSize[t] = (float) motion.size(t);
            tracks.coasted[t] = 0;
            tracks.lastClean[t] = now;
        }
        learnLooks(poses, p, t);
        boolean continuous = tracks.missed[t] == 0;
        tracks.missed[t] = 0;
        tracks.hits[t] = Math.min(tracks.hits[t] + 1, 1_000);
        tracks.lastSeen[t] = now;
        if (tracks.state[t] == TrackTable.TENTATIVE && tracks.hits[t] >= params.confirmHits()) {
            // re-identification on confirmation: a new track whose colours match a lost one continues its id
            int lost = reidentify(poses, p, now);
            if (lost >= 0) {
                tracks.ids[t] = tracks.ids[lost];
                tracks.missed[lost] = HANDED_OVER; // retired by age() this frame
            } else {
                tracks.ids[t] = nextId++;
            }
        }
        if (tracks.state[t] != TrackTable.TENTATIVE || tracks.hits[t] >= params.confirmHits()) {
            tracks.state[t] = TrackTable.CONFIRMED;
            if (!params.publish().whole(poses, p)) {
                // a partial detection (or one left partial by keypoint owners) continues the track unpublished
                Arrays.fill(smoothed, t * keypoints, (t + 1) * keypoints, false);
                return;
            }
            fate[p] = KEEP;
            poses.setId(p, tracks.ids[t]);
            smooth(poses, p, t, continuous, dt);
        }
    }

    private void correct(int t) {
        motion.update(t, 0, fit[0]);
        motion.update(t, 1, fit[1]);
        if (!Double.isNaN(fit[2])) {
            motion.update(t, 2, fit[2]);
        }
    }

    /**
     * OC-SORT's observation-centric re-update: back to the state after the last observation, then through
     * virtual observations on the straight path to this one, one per missed frame, so the velocity that
     * drifted while the person was unseen is replaced by the one the two observations imply.
     */
    private void reupdate(int t, long now) {
        int steps = tracks.coasted[t] + 1;
        double step = Math.max(0, (now - tracks.lastClean[t]) / 1e9) / steps;
        motion.restore(t);
        double x0 = motion.x(t);
        double y0 = motion.y(t);
        double s0 = motion.size(t);
        double zx = fit[0];
        double zy = fit[1];
        double zs = fit[2];
        for (int i = 1; i <= steps; i++) {
            double a = i / (double) steps;
            motion.predict(t, step);
            fit[0] = x0 + a * (zx - x0);
            fit[1] = y0 + a * (zy - y0);
            fit[2] = Double.isNaN(zs) ? Double.NaN : s0 + a * (zs - s0);
            correct(t);
        }
    }

    private void smooth(Poses poses, int p, int t, boolean continuous, double dt) {
        for (int j = 0; j < keypoints; j++) {
            int at = t * keypoints + j;
            if (!poses.present(p, j)) {
                smoothed[at] = false;
                continue;
            }
            if (!params.smoothing()) {
                continue;
            }
            float x = poses.x(p, j);
            float y = poses.y(p, j);
            if (continuous && smoothed[at]) {
                x = (float) filters.filter(2 * at, x, dt);
                y = (float) filters.filter(2 * at + 1, y, dt);
                poses.setKeypoint(p, j, x, y, poses.score(p, j));
            } else {
                filters.reset(2 * at, x);
                filters.reset(2 * at + 1, y);
            }
            smoothed[at] = true;
        }
    }

    /** Unmatched tracks: hit counter down; tentative ones die at 0, confirmed ones are lost, then retired. */
    private void age(long now) {
        for (int t = tracks.size - 1; t >= 0; t--) {
            if (trackDet[t] >= 0) {
                continue;
            }
            tracks.missed[t]++;
            tracks.coasted[t]++;
            tracks.hits[t] = Math.max(0, tracks.hits[t] - 1);
            if (tracks.state[t] == TrackTable.TENTATIVE) {
                if (tracks.hits[t] == 0) {
                    remove(t);
                }
                continue;
            }
            tracks.state[t] = TrackTable.LOST;
            if (tracks.missed[t] > params.maxLostFrames() || (now - tracks.lastSeen[t]) / 1e9 > params.maxLostSeconds()) {
                remove(t);
            }
        }
    }

    private void open(Poses poses, int p, long now) {
        int t = tracks.size < tracks.capacity ? tracks.size++ : tracks.longestLost();
        if (t < 0) {
            return;
        }
        PoseFit.start(poses, p, detBox, tracks, t, fit);
        motion.start(t, fit[0], fit[1], fit[2]);
        tracks.project(t, fit[0], fit[1], fit[2]);
        tracks.projectLast(t, fit[0], fit[1], fit[2]);
        tracks.lastSize[t] = (float) fit[2];
        tracks.state[t] = TrackTable.TENTATIVE;
        tracks.ids[t] = -1;
        tracks.hits[t] = 1;
        tracks.missed[t] = 0;
        tracks.lastSeen[t] = now;
        tracks.coasted[t] = 0;
        tracks.lastClean[t] = now;
        Arrays.fill(smoothed, t * keypoints, (t + 1) * keypoints, false);
        if (looks.parts() > 0) {
            looks.reset(t); // learnt from its first clean match on
        }
        if (params.confirmHits() <= 1) {
            tracks.state[t] = TrackTable.CONFIRMED;
            tracks.ids[t] = nextId++;
            fate[p] = KEEP;
            poses.setId(p, tracks.ids[t]);
            smooth(poses, p, t, false, 0);
        }
    }

    private void remove(int t) {
        int last = --tracks.size;
        if (t != last) {
            tracks.move(last, t);
            motion.move(last, t);
            filters.move(2 * last * keypoints, 2 * t * keypoints, 2 * keypoints);
            System.arraycopy(smoothed, last * keypoints, smoothed, t * keypoints, keypoints);
            if (looks.parts() > 0) {
                looks.move(last, t);
            }
            trackDet[t] = trackDet[last];
        }
    }

    private void ensureScratch(int poseCapacity) {
        if (detTrack.length < poseCapacity) {
            detTrack = new int[poseCapacity];
            undone = new int[poseCapacity];
            rows = new int[poseCapacity];
            fate = new byte[poseCapacity];
            whole = new boolean[poseCapacity];
            lookBest = new float[poseCapacity];
            lookSecond = new float[poseCapacity];
            lookBestTrack = new int[poseCapacity];
            lookRowState = new byte[poseCapacity];
            lookDist = new float[poseCapacity * tracks.capacity];
            detBox = new float[4 * poseCapacity];
            sim = new float[poseCapacity * tracks.capacity];
            oks = new float[poseCapacity * tracks.capacity];
            assignment = new Assignment(poseCapacity, tracks.capacity);
        }
    }
}
