package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * Moves a {@link Tracker} track's motion and template to an observed detection: a new track starts at its
 * first detection; a matched one is corrected, re-updated along the straight path from its last observation
 * when frames were missed (OC-SORT's observation-centric re-update, ORU), and re-templated.
 */
final class ObservedMotion {
    private final TrackTable tracks;
    private final MotionModel motion;
    private final double[] fit = new double[3];
    /** The refreshed template's box, from {@link PoseFit#retemplate} for {@link TemplateFrame#normalise}. */
    private final float[] box = new float[4];

    ObservedMotion(TrackTable tracks, MotionModel motion) {
        this.tracks = tracks;
        this.motion = motion;
    }

    /** Starts track t's motion, pose and template at detection p (box in {@code detBox}). */
    void start(Poses poses, int p, float[] detBox, int t) {
        PoseFit.start(poses, p, detBox, tracks, t, fit, box);
        motion.start(t, fit[0], fit[1], fit[2]);
        tracks.project(t, fit[0], fit[1], fit[2]);
        tracks.projectLast(t, fit[0], fit[1], fit[2]);
        tracks.lastSize[t] = (float) fit[2];
    }

    /**
     * Corrects track t's motion by detection p (re-updated along the straight path from the last observation
     * when frames were missed) and refreshes its template; a detection that cannot be fitted only counts as
     * coasted. Returns detection p's present keypoints ({@link Poses#presentCount}; counted by the re-template
     * when there is one).
     */
    int observe(Poses poses, int p, int t, boolean whole, long now) {
        PoseFit.measure(poses, p, tracks, t, motion.size(t), whole, fit);
        if (Double.isNaN(fit[0])) {
            tracks.coasted[t]++;
            return poses.presentCount(p);
        } else {
            if (tracks.coasted[t] > 0) {
                reupdate(t, now);
            } else {
                correct(t);
            }
            motion.save(t);
            int present = PoseFit.retemplate(poses, p, tracks, t, motion.x(t), motion.y(t), motion.size(t), box);
            if (TemplateFrame.normalise(tracks, motion, t, box)) {
                motion.save(t);
            }
            tracks.projectLast(t, motion.x(t), motion.y(t), motion.size(t));
            tracks.lastSize[t] = (float) motion.size(t);
            tracks.coasted[t] = 0;
            tracks.lastClean[t] = now;
            return present;
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
}
