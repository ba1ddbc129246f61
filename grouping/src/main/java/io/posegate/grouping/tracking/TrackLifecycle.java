package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * A {@link Tracker} track's life after association: a matched track follows its detection and is confirmed
 * (with a new id, or a lost track's by {@link Reidentification}) after {@link TrackerParams#confirmHits()}
 * hits (a confirmed track's match is published unless partial or {@link ContestedMatches contested}); an
 * unmatched one counts down its hits, dies while tentative, is lost and then retired while confirmed; a
 * detection left to start one opens a tentative track. Ids count up from 0 and are never reused.
 */
final class TrackLifecycle {
    private final TrackerParams params;
    private final TrackTable tracks;
    private final MotionModel motion;
    private final AppearanceTemplates looks;
    private final FrameState frame;
    private final LookLearning learning;
    private final Reidentification reid;
    private final ObservedMotion observed;
    private final Publication publication;
    private final ContestedMatches contested;
    private final LateReidentification late;
    private int nextId;

    TrackLifecycle(TrackerParams params, TrackTable tracks, MotionModel motion, AppearanceTemplates looks,
                   FrameState frame, LookLearning learning, Reidentification reid, Publication publication,
                   ContestedMatches contested) {
        this.params = params;
        this.tracks = tracks;
        this.motion = motion;
        this.looks = looks;
        this.frame = frame;
        this.learning = learning;
        this.reid = reid;
        this.observed = new ObservedMotion(tracks, motion);
        this.publication = publication;
        this.contested = contested;
        this.late = new LateReidentification(params.appearance(), tracks, frame, reid);
    }

    /**
     * Track t is matched to detection p: correct its motion (re-updated along the straight path from the
     * last observation when frames were missed: OC-SORT's ORU) and refresh its template, publish p if the
     * track is confirmed.
     */
    void follow(Poses poses, int p, int t, long now, double dt) {
        int present = observed.observe(poses, p, t, frame.whole[p], now); // p's keypoints stay as they are here
        learning.learnLooks(poses, p, t);
        boolean continuous = tracks.missed[t] == 0;
        tracks.missed[t] = 0;
        tracks.hits[t] = Math.min(tracks.hits[t] + 1, 1_000);
        tracks.lastSeen[t] = now;
        if (tracks.state[t] == TrackTable.TENTATIVE && tracks.hits[t] >= params.confirmHits()) {
            // re-identification on confirmation: a new track whose colours match a lost one continues its id
            int lost = reid.reidentify(poses, p, now);
            if (lost >= 0) {
                tracks.ids[t] = tracks.ids[lost];
                tracks.missed[lost] = Reidentification.HANDED_OVER; // retired by age() this frame
                late.settled(t);
            } else {
                tracks.ids[t] = nextId++;
                late.newId(t, now);
            }
        } else if (late.pending(t) && tracks.state[t] != TrackTable.TENTATIVE) {
            late.retry(poses, p, t, now);
        }
        if (tracks.state[t] != TrackTable.TENTATIVE || tracks.hits[t] >= params.confirmHits()) {
            tracks.state[t] = TrackTable.CONFIRMED;
            if (!params.publish().whole(poses.personScore(p), present) || contested.contested(poses, p, t)) {
                // a partial detection (or one left partial by keypoint owners), or one another unmatched
                // track explains as well (a contested match), continues the track unpublished
                publication.unpublished(t);
                return;
            }
            publication.publish(poses, p, t, continuous, dt);
        }
    }

    /** Unmatched tracks: hit counter down; tentative ones die at 0, confirmed ones are lost, then retired. */
    void age(long now) {
        int[] trackDet = frame.trackDet;
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

    /** Opens a tentative track at detection p (confirmed and published at once when one hit confirms). */
    void open(Poses poses, int p, long now) {
        int t = tracks.size < tracks.capacity ? tracks.size++ : tracks.longestLost();
        if (t < 0) {
            return;
        }
        observed.start(poses, p, frame.detBox, t);
        tracks.state[t] = TrackTable.TENTATIVE;
        tracks.ids[t] = -1;
        tracks.hits[t] = 1;
        late.settled(t);
        tracks.missed[t] = 0;
        tracks.lastSeen[t] = now;
        tracks.coasted[t] = 0;
        tracks.lastClean[t] = now;
        publication.unpublished(t);
        if (looks.parts() > 0) {
            looks.reset(t); // learnt from its first clean match on
        }
        if (params.confirmHits() <= 1) {
            tracks.state[t] = TrackTable.CONFIRMED;
            tracks.ids[t] = nextId++;
            late.newId(t, now);
            publication.publish(poses, p, t, false, 0);
        }
    }

    private void remove(int t) {
        int last = --tracks.size;
        if (t != last) {
            tracks.move(last, t);
            late.move(last, t);
            motion.move(last, t);
            publication.move(last, t);
            if (looks.parts() > 0) {
                looks.move(last, t);
            }
            frame.trackDet[t] = frame.trackDet[last];
        }
    }
}
