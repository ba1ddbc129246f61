package io.posegate.grouping.tracking;

import static java.util.Objects.requireNonNull;

import io.posegate.grouping.Poses;

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
 * colours it matches, if any: re-identification once the new track has been seen a few times, retried on
 * its clean detections for a few seconds after); it dies when its hit counter (one up per hit, one down per miss) reaches 0. A confirmed track
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
 * tracks are published, and not while another unmatched track explains the detection as well and colours do
 * not settle it ({@link ContestedMatches}: one person hidden behind another): everything else is removed from the
 * {@link Poses}. Ids count up from 0 and are never reused. With smoothing, published keypoints pass a
 * One Euro filter. One tracker per stream, one thread at a time; allocates nothing in steady state.
 *
 * <p>The steps, in the order {@link #update} runs them: {@link FrameState} (the frame's shared state),
 * {@link LookRows} (colour distances and the appearance factor), {@link Association} and
 * {@link StageOneRevisions} (stages 1 to 3), {@link KeypointOwners}, {@link UnmatchedDetections} and
 * {@link Reidentification} (merges, second persons, re-identification), {@link TrackLifecycle} (with
 * {@link LookLearning} and {@link LateReidentification}),
 * {@link ObservedMotion} and {@link Publication} (following, confirming, ageing, opening, publishing).
 */
public final class Tracker implements MultiPersonTracker {
    private final TrackerParams params;
    private final int keypoints;
    private final TrackTable tracks;
    private final MotionModel motion;
    private final KeypointOwners owners;
    private final DetectionKeys detKeys;
    private final float[] kappa;
    private final KappaCache kappas;
    private final AppearanceTemplates looks;
    private final AppearanceParams look;
    private final FrameState frame;
    private final LookRows lookRows;
    private final Association association;
    private final StageOneRevisions revisions;
    private final UnmatchedDetections unmatched;
    private final TrackLifecycle lifecycle;
    private long lastTimestamp;
    private boolean started;

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
        this.kappa = new float[keypoints];
        this.kappas = new KappaCache(keypoints);
        this.looks = new AppearanceTemplates(capacity);
        this.look = params.appearance();
        this.frame = new FrameState(capacity, keypoints);
        this.detKeys = frame.detKeys;
        this.lookRows = new LookRows(tracks, looks, look, frame);
        this.revisions = new StageOneRevisions(params, tracks, looks, frame, lookRows);
        this.association = new Association(params, tracks, frame, lookRows, revisions);
        Reidentification reid = new Reidentification(tracks, motion, looks, look, frame);
        this.unmatched = new UnmatchedDetections(keypoints, tracks, frame, reid);
        this.lifecycle = new TrackLifecycle(params, tracks, motion, looks, frame,
                new LookLearning(tracks, looks, look, frame), reid,
                new Publication(params, keypoints, tracks, frame),
                new ContestedMatches(tracks, frame, looks, look, lookRows));
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
        if (frame.tooSmallFor(poses.capacity())) {
            frame.grow(poses.capacity());
            lookRows.grow(poses.capacity());
        }
        int[] trackDet = frame.trackDet;
        int[] detTrack = frame.detTrack;
        byte[] fate = frame.fate;
        float[] oks = frame.oks;
        float[] detBox = frame.detBox;
        for (int t = 0; t < tracks.size; t++) {
            motion.predict(t, dt);
            tracks.project(t, motion.x(t), motion.y(t), motion.size(t));
            trackDet[t] = -1;
        }
        int n = poses.count();
        detKeys.index(poses, n, detBox);
        for (int p = 0; p < n; p++) {
            detTrack[p] = -1;
            fate[p] = FrameState.DROP;
            frame.whole[p] = params.publish().whole(poses.personScore(p), detKeys.count(p));
        }
        OksMatrix.fill(poses, n, detKeys, detBox, tracks, kappa, oks);
        if (looks.parts() > 0) {
            lookRows.closestLooks(poses, n);
        }
        association.associate(poses, kappa);
        owners.reassign(poses, n, tracks, oks, tracks.capacity, detKeys, detTrack, trackDet, kappa);
        unmatched.settleUnmatched(poses, n, kappa, timestampNanos);
        for (int t = 0; t < tracks.size; t++) {
            if (trackDet[t] >= 0) {
                lifecycle.follow(poses, trackDet[t], t, timestampNanos, dt);
            }
        }
        lifecycle.age(timestampNanos);
        for (int p = 0; p < n; p++) {
            if (fate[p] == FrameState.START) {
                lifecycle.open(poses, p, timestampNanos);
            }
        }
        for (int p = n - 1; p >= 0; p--) {
            if (fate[p] != FrameState.KEEP) {
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

    /**
     * Tests only: every pair's colour distance up front and every pair's appearance factor, the straightforward
     * computation the shortcuts of {@link LookRows} must give the same decisions as.
     */
    void eagerLooks(boolean eager) {
        lookRows.eagerLooks = eager;
    }

    /**
     * Tests only: association without its shortcuts (stage 2 weighs every partial detection against the people
     * matched in stage 1; every stage-1 match is checked for a copy; stage 1 has every appearance factor before
     * solving), the straightforward computation they must give the same decisions as.
     */
    void straightAssociation(boolean straight) {
        association.straight = straight;
        association.stageOne.factorsFirst = straight;
        revisions.straight = straight;
    }

    /** Tests only: keypoint owners check every matched detection's keypoints, without the OKS shortcut. */
    void straightOwners(boolean straight) {
        owners.straight = straight;
    }

    /** Tests only: keypoints the keypoint owners moved or dropped, and matched detections they skipped, so far. */
    long[] ownersCounts() {
        return new long[] {owners.movedTotal, owners.skippedTotal};
    }

    /**
     * Tests only: stage-2 rows weighed against the people matched in stage 1, stage-1 matches undone, and stage-1
     * solves answered without the appearance factors of unmatched pairs and with them after all, so far.
     */
    long[] associationCounts() {
        return new long[] {association.explainedRows, revisions.undone, association.stageOne.deferred,
                association.stageOne.rebuilt};
    }
}
