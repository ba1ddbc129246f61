package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * Re-identification by colour (norfair's ReID idea) for the {@link Tracker}: a whole detection about to
 * start a new track goes instead to the lost track whose colours it matches, and a new track confirmed
 * with colours that match a lost one continues that one's id.
 */
final class Reidentification {
    /** Missed-frame count that marks a lost track whose id a new track took over (re-identified on confirmation). */
    static final int HANDED_OVER = Integer.MAX_VALUE / 2;
    private final TrackTable tracks;
    private final MotionModel motion;
    private final AppearanceTemplates looks;
    private final AppearanceParams look;
    private final FrameState frame;

    Reidentification(TrackTable tracks, MotionModel motion, AppearanceTemplates looks, AppearanceParams look,
                     FrameState frame) {
        this.tracks = tracks;
        this.motion = motion;
        this.looks = looks;
        this.look = look;
        this.frame = frame;
    }

    /**
     * The lost track whose colours detection p matches (distance at most {@link AppearanceParams#near}), if
     * no other lost track matches nearly as well ({@link AppearanceParams#margin}) and the track's predicted
     * box centre is within (0.5 + {@link AppearanceParams#reidSpeed} x seconds lost) sizes of the detection's.
     * -1 when none.
     */
    int reidentify(Poses poses, int p, long now) {
        if (looks.parts() == 0 || !(look.reidSpeed() > 0f)) {
            return -1;
        }
        float[] detBox = frame.detBox;
        int[] trackDet = frame.trackDet;
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
}
