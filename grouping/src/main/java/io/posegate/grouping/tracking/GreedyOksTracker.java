package io.posegate.grouping.tracking;

import static java.util.Objects.requireNonNull;

import io.posegate.grouping.Poses;
import java.util.Arrays;

/**
 * The first tracker (kept for comparison with {@link Tracker}, e.g. by {@code posegate eval-tracking
 * --tracker greedy}): greedy Object Keypoint Similarity between consecutive frames, no motion model.
 *
 * <p>Each {@link #update} matches the frame's poses to live tracks greedily by Object Keypoint
 * Similarity (highest first, at least {@link TrackerParams#oksThreshold()}), where the OKS scale is the
 * area of the track's keypoint bounding box. A matched pose takes the track's id; an unmatched pose
 * opens a track with a new id (ids count up from 0 and are never reused); a track unmatched for more
 * than {@link TrackerParams#maxAge()} frames is retired. With smoothing on, each matched keypoint's x
 * and y pass through a One Euro filter and are written back into the poses. Coordinates may be in any
 * pixel space as long as it is the same every frame (the gateway uses source pixels).
 *
 * <p>One tracker per stream, one thread at a time. At most {@code capacity} live tracks; when full, a new
 * person replaces the longest-missing track, or stays untracked (id -1) if every track was seen in this
 * frame. Allocates nothing in steady state (a larger {@link Poses} capacity grows the scratch once).
 */
public final class GreedyOksTracker implements MultiPersonTracker {
    private final float oksThreshold;
    private final int maxAge;
    private final boolean smoothing;
    private final int keypoints;
    private final GreedyTrackTable tracks;
    private final OneEuro filters;
    private float[] oks = new float[0];
    private int[] poseTrack = new int[0];
    private boolean[] trackMatched;
    private long lastTimestamp;
    private boolean started;
    private int nextId;

    /**
     * @param oksThreshold lowest OKS (0..1) at which a pose continues a track
     * @param maxAge       frames a track survives without a matching pose
     * @param smoothing    One Euro filtering with {@link TrackerParams#defaults()}'s settings
     * @param keypoints    keypoints per person (as in the {@link Poses} it will see)
     * @param capacity     most tracks alive at once
     */
    public GreedyOksTracker(float oksThreshold, int maxAge, boolean smoothing, int keypoints, int capacity) {
        if (!(oksThreshold >= 0f && oksThreshold <= 1f) || maxAge < 0) {
            throw new IllegalArgumentException("greedy tracker needs oksThreshold in [0, 1] and maxAge >= 0, got "
                    + oksThreshold + " and " + maxAge);
        }
        this.oksThreshold = oksThreshold;
        this.maxAge = maxAge;
        this.smoothing = smoothing;
        TrackerParams params = TrackerParams.defaults();
        if (keypoints < 1 || capacity < 1) {
            throw new IllegalArgumentException("tracker needs keypoints >= 1 and capacity >= 1, got " + keypoints
                    + " and " + capacity);
        }
        this.keypoints = keypoints;
        this.tracks = new GreedyTrackTable(keypoints, capacity);
        this.filters = new OneEuro(2 * keypoints * capacity, params.minCutoff(), params.beta(), params.dCutoff());
        this.trackMatched = new boolean[capacity];
    }

    /**
     * Assigns ids to {@code poses} (via {@link Poses#setId}) and smooths them in place when enabled.
     *
     * @param timestampNanos  the frame's capture time; frames must come in time order (an equal or older
     *                        timestamp leaves smoothed keypoints where they were)
     * @param keypointSigmas  OKS sigma per keypoint, e.g. {@link KeypointSigmas#forNames}
     * @throws IllegalArgumentException if the poses or sigmas do not have this tracker's keypoint count
     */
    @Override
    public void update(Poses poses, long timestampNanos, float[] keypointSigmas) {
        requireNonNull(poses, "poses is null");
        requireNonNull(keypointSigmas, "keypointSigmas is null");
        if (poses.keypointCount() != keypoints || keypointSigmas.length != keypoints) {
            throw new IllegalArgumentException("tracker has " + keypoints + " keypoints but got poses with "
                    + poses.keypointCount() + " and " + keypointSigmas.length + " sigmas");
        }
        double dt = started ? (timestampNanos - lastTimestamp) / 1e9 : 0;
        started = true;
        lastTimestamp = timestampNanos;
        ensureScratch(poses.capacity());
        match(poses, keypointSigmas);
        for (int p = 0; p < poses.count(); p++) {
            int t = poseTrack[p];
            if (t >= 0) {
                follow(poses, p, t, dt);
            }
        }
        retireUnmatched();
        for (int p = 0; p < poses.count(); p++) {
            if (poseTrack[p] < 0) {
                open(poses, p);
            }
        }
    }

    @Override
    public int liveTracks() {
        return tracks.size;
    }

    private void match(Poses poses, float[] sigmas) {
        int n = poses.count();
        int m = tracks.size;
        for (int p = 0; p < n; p++) {
            for (int t = 0; t < m; t++) {
                oks[p * tracks.capacity + t] = Oks.between(poses, p, tracks, t, sigmas);
            }
        }
        Arrays.fill(poseTrack, 0, n, -1);
        Arrays.fill(trackMatched, 0, m, false);
        while (true) {
            float best = -1f;
            int bp = -1;
            int bt = -1;
            for (int p = 0; p < n; p++) {
                if (poseTrack[p] >= 0) {
                    continue;
                }
                for (int t = 0; t < m; t++) {
                    float v = oks[p * tracks.capacity + t];
                    if (!trackMatched[t] && v > best && v >= oksThreshold && v > 0f) {
                        best = v;
                        bp = p;
                        bt = t;
                    }
                }
            }
            if (bp < 0) {
                return;
            }
            poseTrack[bp] = bt;
            trackMatched[bt] = true;
        }
    }

    private void follow(Poses poses, int p, int t, double dt) {
        poses.setId(p, tracks.ids[t]);
        tracks.missed[t] = 0;
        for (int k = 0; k < keypoints; k++) {
            if (!poses.present(p, k)) {
                continue;
            }
            int at = t * keypoints + k;
            float x = poses.x(p, k);
            float y = poses.y(p, k);
            if (smoothing) {
                if (tracks.seen[at]) {
                    x = (float) filters.filter(2 * at, x, dt);
                    y = (float) filters.filter(2 * at + 1, y, dt);
                } else {
                    filters.reset(2 * at, x);
                    filters.reset(2 * at + 1, y);
                }
                poses.setKeypoint(p, k, x, y, poses.score(p, k));
            }
            tracks.place(t, k, x, y);
        }
    }

    private void retireUnmatched() {
        for (int t = tracks.size - 1; t >= 0; t--) {
            if (!trackMatched[t] && ++tracks.missed[t] > maxAge) {
                remove(t);
            }
        }
    }

    private void remove(int t) {
        int last = tracks.size - 1;
        if (t != last) {
            filters.move(2 * last * keypoints, 2 * t * keypoints, 2 * keypoints);
            trackMatched[t] = trackMatched[last];
        }
        tracks.removeSwap(t);
    }

    private void open(Poses poses, int p) {
        int t = tracks.size < tracks.capacity ? tracks.size++ : tracks.longestMissing();
        if (t < 0) {
            poses.setId(p, -1);
            return;
        }
        int id = nextId++;
        tracks.start(t, id);
        poses.setId(p, id);
        for (int k = 0; k < keypoints; k++) {
            if (poses.present(p, k)) {
                int at = t * keypoints + k;
                tracks.place(t, k, poses.x(p, k), poses.y(p, k));
                filters.reset(2 * at, poses.x(p, k));
                filters.reset(2 * at + 1, poses.y(p, k));
            }
        }
    }

    private void ensureScratch(int poseCapacity) {
        if (poseTrack.length < poseCapacity) {
            poseTrack = new int[poseCapacity];
            oks = new float[poseCapacity * tracks.capacity];
        }
    }
}
