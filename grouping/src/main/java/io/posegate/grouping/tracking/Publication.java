package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;
import java.util.Arrays;

/**
 * The {@link Tracker}'s publish step: a detection of a confirmed track is kept in the {@link Poses} with
 * the track's id, its keypoints passed through a One Euro filter per coordinate when smoothing is on (the
 * filter restarts where the keypoint was missing or the track missed frames).
 */
final class Publication {
    private final TrackerParams params;
    private final int keypoints;
    private final TrackTable tracks;
    private final FrameState frame;
    private final OneEuro filters;
    /** Per track and keypoint: its filter holds the keypoint's last published place. */
    private final boolean[] smoothed;

    Publication(TrackerParams params, int keypoints, TrackTable tracks, FrameState frame) {
        this.params = params;
        this.keypoints = keypoints;
        this.tracks = tracks;
        this.frame = frame;
        this.filters = new OneEuro(2 * keypoints * tracks.capacity, params.minCutoff(), params.beta(), params.dCutoff());
        this.smoothed = new boolean[keypoints * tracks.capacity];
    }

    /** Publishes detection p as track t (smoothing continues from the last frame when {@code continuous}). */
    void publish(Poses poses, int p, int t, boolean continuous, double dt) {
        frame.fate[p] = FrameState.KEEP;
        poses.setId(p, tracks.ids[t]);
        smooth(poses, p, t, continuous, dt);
    }

    /** Track t published nothing: its filters restart when it is published again (without smoothing none is marked). */
    void unpublished(int t) {
        if (params.smoothing()) {
            Arrays.fill(smoothed, t * keypoints, (t + 1) * keypoints, false);
        }
    }

    /** Track {@code from}'s filters become track {@code to}'s. */
    void move(int from, int to) {
        filters.move(2 * from * keypoints, 2 * to * keypoints, 2 * keypoints);
        System.arraycopy(smoothed, from * keypoints, smoothed, to * keypoints, keypoints);
    }

    /** Without smoothing nothing is filtered and no keypoint is ever marked smoothed: nothing to do. */
    private void smooth(Poses poses, int p, int t, boolean continuous, double dt) {
        if (!params.smoothing()) {
            return;
        }
        for (int j = 0; j < keypoints; j++) {
            int at = t * keypoints + j;
            if (!poses.present(p, j)) {
                smoothed[at] = false;
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
}
