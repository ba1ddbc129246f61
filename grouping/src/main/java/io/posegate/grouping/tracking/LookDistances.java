package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;
import java.util.Arrays;

/**
 * This frame's colour distances of detections to tracks ({@link AppearanceTemplates#distance}), each computed
 * when first asked for and kept for the frame, for {@link LookRows}. A distance asked for only up to
 * {@link AppearanceParams#near} is computed with the early stop and kept only when exact; and whether another
 * established track looks alike, once per detection. Reuses its arrays: allocates nothing in steady state.
 * Not thread-safe.
 */
final class LookDistances {
    private final TrackTable tracks;
    private final AppearanceTemplates looks;
    private final AppearanceParams look;
    private final FrameState frame;
    /** Colour distance of detection p to track t at [p * capacity + t] this frame, NaN until first asked for. */
    private float[] dist = new float[0];
    /** Per detection, {@link #anotherLooksAlike} once known this frame: {@link #ALIKE_UNKNOWN}, yes or no. */
    private byte[] alike = new byte[0];
    private static final byte ALIKE_UNKNOWN = 0;
    private static final byte ALIKE_YES = 1;
    private static final byte ALIKE_NO = 2;

    LookDistances(TrackTable tracks, AppearanceTemplates looks, AppearanceParams look, FrameState frame) {
        this.tracks = tracks;
        this.looks = looks;
        this.look = look;
        this.frame = frame;
    }

    void grow(int poseCapacity) {
        dist = new float[poseCapacity * tracks.capacity];
        alike = new byte[poseCapacity];
    }

    /** Forgets detection p's distances (a new frame). */
    void forget(int p) {
        int stride = tracks.capacity;
        Arrays.fill(dist, p * stride, p * stride + tracks.size, Float.NaN);
        alike[p] = ALIKE_UNKNOWN;
    }

    /** Colour distance of detection p to track t, computed once per frame (NaN: not yet; a NaN distance again). */
    float exact(Poses poses, int p, int t) {
        int at = p * tracks.capacity + t;
        float d = dist[at];
        if (d != d) {
            d = looks.distance(poses, p, t, look.minParts());
            dist[at] = d;
        }
        return d;
    }

    /**
     * Colour distance of detection p to track t where only a distance up to near matters: the kept one if
     * computed this frame, else exact up to near and +infinity above it (kept only when exact; NaN stays "not
     * yet", so a later exact request computes it).
     */
    float upToNear(Poses poses, int p, int t) {
        int at = p * tracks.capacity + t;
        float d = dist[at];
        if (d != d) {
            d = looks.distanceUnlessAbove(poses, p, t, look.minParts(), look.near());
            dist[at] = d == Float.POSITIVE_INFINITY ? Float.NaN : d;
        }
        return d;
    }

    /**
     * Whether some established track with OKS above 0 to detection p has a colour distance in [0, near] to it:
     * for a pair (p, t) whose distance is above near + margin, the test of {@link LookRows}'s factor ("other
     * &lt;= near and other + margin &lt; d") is exactly this (t itself is above near, so it is never the one found; and every other at
     * or below near has other + margin &lt;= near + margin &lt; d, float rounding being monotonic). The same as
     * the look row's "best &lt;= near", found by stopping at the first such track, kept for the frame.
     */
    boolean anotherLooksAlike(Poses poses, int p) {
        byte known = alike[p];
        if (known != ALIKE_UNKNOWN) {
            return known == ALIKE_YES;
        }
        float[] oks = frame.oks;
        int stride = tracks.capacity;
        float near = look.near();
        boolean found = false;
        for (int t = 0; t < tracks.size && !found; t++) {
            if (oks[p * stride + t] == 0f || !tracks.established(t)) {
                continue;
            }
            float d = upToNear(poses, p, t);
            found = d >= 0f && d <= near;
        }
        alike[p] = found ? ALIKE_YES : ALIKE_NO;
        return found;
    }
}
