package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * A {@link TrackLifecycle} step: late re-identification. A track confirmed with a new id (no lost track's
 * colours matched at confirmation) keeps trying {@link Reidentification#reidentify} on its clean whole
 * detections for {@link #LATE_REID_SECONDS}; on a match it takes the lost track's id. Keeps, per track, when
 * it was confirmed with a new id while it may still take another's; allocates nothing after construction.
 */
final class LateReidentification {
    /**
     * Seconds after a track is confirmed with a new id during which its clean whole detections are still
     * compared with the lost tracks' colours (late re-identification).
     */
    static final double LATE_REID_SECONDS = 3.0;
    private static final long NO_LATE_REID = Long.MIN_VALUE;
    private final AppearanceParams look;
    private final TrackTable tracks;
    private final FrameState frame;
    private final Reidentification reid;
    /** When each track was confirmed with a new id, while it may still take a lost track's id; else {@link #NO_LATE_REID}. */
    private final long[] newIdAt;

    LateReidentification(AppearanceParams look, TrackTable tracks, FrameState frame, Reidentification reid) {
        this.look = look;
        this.tracks = tracks;
        this.frame = frame;
        this.reid = reid;
        this.newIdAt = new long[tracks.capacity];
    }

    /** Track t was confirmed with a new id at time now: it may take a lost track's id for a while. */
    void newId(int t, long now) {
        newIdAt[t] = now;
    }

    /** Track t is not (or no longer) one that may take a lost track's id: opened, or re-identified. */
    void settled(int t) {
        newIdAt[t] = NO_LATE_REID;
    }

    /** Whether track t may still take a lost track's id. */
    boolean pending(int t) {
        return newIdAt[t] != NO_LATE_REID;
    }

    /** Copies track from's state into slot to (swap-removal). */
    void move(int from, int to) {
        newIdAt[to] = newIdAt[from];
    }

    /**
     * Late re-identification: a track confirmed with a new id because no lost track's colours could be
     * matched then (the returning person's limbs not yet readable, or still out of reach) takes the id of the
     * lost track its detection matches later, within {@link #LATE_REID_SECONDS} of its confirmation, by the
     * rule of {@link Reidentification#reidentify}, when the detection is whole and clean (no other established
     * track explains it at {@link AppearanceParams#ambiguousOks}, so its colours are its own).
     */
    void retry(Poses poses, int p, int t, long now) {
        if ((now - newIdAt[t]) / 1e9 > LATE_REID_SECONDS) {
            newIdAt[t] = NO_LATE_REID;
            return;
        }
        if (!frame.whole[p] || frame.explainedByAnother(tracks, p, t, look.ambiguousOks())) {
            return;
        }
        int lost = reid.reidentify(poses, p, now);
        if (lost >= 0) {
            tracks.ids[t] = tracks.ids[lost];
            tracks.missed[lost] = Reidentification.HANDED_OVER; // retired by age() this frame
            newIdAt[t] = NO_LATE_REID;
        }
    }
}
