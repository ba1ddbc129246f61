package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * Per track and appearance part, a slow running mean of the part's colour (chromaticity r, g, brightness)
 * and how many observations it holds. Arrays are made when the parts per person change (the first frame of
 * a stream), nothing after that. One per {@link Tracker}; not thread-safe.
 */
final class AppearanceTemplates {
    private static final int C = Poses.COLOUR_CHANNELS;
    private static final float BRIGHTNESS_WEIGHT = 0.25f;
    private final int capacity;
    private int parts;
    private float[] colour = new float[0];
    private int[] seen = new int[0];
    private float[] scratch = new float[0];
    /** Per track, bit i: part i has been seen (read only while parts fit {@link #FAST_PARTS}). */
    private int[] seenMask = new int[0];
    /** Per detection of this frame, bit i: the detection has a colour for part i; -1 until first needed (see {@link #index}). */
    private int[] detMask = new int[0];
    /**
     * Per detection of this frame, whether all its colours are finite, looked at only when first needed (only
     * {@link #distanceUnlessAbove} needs it, {@link #distance} does not): {@link #FINITE_UNKNOWN}, yes or no.
     */
    private byte[] detFinite = new byte[0];
    private static final byte FINITE_UNKNOWN = 0;
    private static final byte FINITE_YES = 1;
    private static final byte FINITE_NO = 2;
    /** Per track: false once a seen part's template colour may be NaN or infinite (until reset). */
    private boolean[] finite = new boolean[0];
    /** Most parts the masks of {@link #distance} hold (bit 31 is the "not yet" flag); more go the straightforward way. */
    static final int FAST_PARTS = 30;

    AppearanceTemplates(int capacity) {
        this.capacity = capacity;
    }

    /** Makes room for {@code n} parts per person; a change of parts forgets every template. */
    void ensure(int n) {
        if (n != parts) {
            parts = n;
            colour = new float[capacity * n * C];
            seen = new int[capacity * n];
            scratch = new float[n];
            seenMask = new int[capacity];
            finite = new boolean[capacity];
            java.util.Arrays.fill(finite, true);
        }
    }

    int parts() {
        return parts;
    }

    /** Whether track t's template has part i (for tests). */
    boolean seen(int t, int i) {
        return seen[t * parts + i] > 0;
    }

    /** Channel c of track t's template colour of part i (for tests). */
    float colour(int t, int i, int c) {
        return colour[(t * parts + i) * C + c];
    }

    /** Forgets track t's template. */
    void reset(int t) {
        java.util.Arrays.fill(seen, t * parts, (t + 1) * parts, 0);
        seenMask[t] = 0;
        finite[t] = true;
    }

    /** Blends detection p's colours into track t's template (the first observation of a part is taken as it is). */
    void update(int t, Poses poses, int p, float alpha) {
        boolean allFinite = finite[t];
        int mask = seenMask[t];
        for (int i = 0; i < parts; i++) {
            if (!poses.hasColour(p, i)) {
                continue;
            }
            int at = t * parts + i;
            float a = seen[at] == 0 ? 1f : alpha;
            int c0 = at * C;
            // the same three operations per channel as one loop over c would do; the flags kept in locals
            float r = colour[c0] + a * (poses.colour(p, i, 0) - colour[c0]);
            float g = colour[c0 + 1] + a * (poses.colour(p, i, 1) - colour[c0 + 1]);
            float b = colour[c0 + 2] + a * (poses.colour(p, i, 2) - colour[c0 + 2]);
            colour[c0] = r;
            colour[c0 + 1] = g;
            colour[c0 + 2] = b;
            allFinite &= Float.isFinite(r) & Float.isFinite(g) & Float.isFinite(b);
            seen[at] = Math.min(seen[at] + 1, 1_000_000);
            mask |= 1 << i; // only read while parts <= FAST_PARTS
        }
        finite[t] = allFinite;
        seenMask[t] = mask;
    }

    /**
     * Starts a frame of detections 0..n-1: which parts each has a colour for is listed when {@link #distance}
     * first needs it. Call once per frame before {@link #distance}, after the detections' colours are final
     * (the tracker does not change them).
     */
    void index(Poses poses, int n) {
        if (parts == 0 || parts > FAST_PARTS) {
            return;
        }
        if (detMask.length < n) {
            detMask = new int[Math.max(n, poses.capacity())];
            detFinite = new byte[detMask.length];
        }
        java.util.Arrays.fill(detMask, 0, n, -1);
        java.util.Arrays.fill(detFinite, 0, n, FINITE_UNKNOWN);
    }

    private int detMask(Poses poses, int p) {
        int m = detMask[p];
        if (m < 0) {
            m = 0;
            for (int i = 0; i < parts; i++) {
                if (poses.hasColour(p, i)) {
                    m |= 1 << i;
                }
            }
            detMask[p] = m;
        }
        return m;
    }

    /** Whether every colour detection p has is finite (kept for the frame). */
    private boolean detFinite(Poses poses, int p) {
        byte known = detFinite[p];
        if (known == FINITE_UNKNOWN) {
            boolean ok = true;
            for (int left = detMask(poses, p); left != 0; left &= left - 1) {
                int i = Integer.numberOfTrailingZeros(left);
                ok &= Float.isFinite(poses.colour(p, i, 0)) && Float.isFinite(poses.colour(p, i, 1))
                        && Float.isFinite(poses.colour(p, i, 2));
            }
            known = ok ? FINITE_YES : FINITE_NO;
            detFinite[p] = known;
        }
        return known == FINITE_YES;
    }

    /**
     * Median distance between detection p's colours and track t's template over the parts both have (the
     * median, not the mean: a limb hidden behind someone else shows that person's colour), or -1 when they
     * share fewer than {@code minParts}. The same float as {@link #distanceStraight}: the same parts in the
     * same order (the set bits of the detection's and the template's part masks instead of two tests per
     * part), the same operations, the same insertion sort. Needs {@link #index} of this frame.
     */
    float distance(Poses poses, int p, int t, int minParts) {
        if (parts > FAST_PARTS) {
            return distanceStraight(poses, p, t, minParts);
        }
        int shared = detMask(poses, p) & seenMask[t];
        if (Integer.bitCount(shared) < minParts) {
            return -1f;
        }
        float[] s = scratch;
        int n = 0;
        for (int left = shared; left != 0; left &= left - 1) {
            int i = Integer.numberOfTrailingZeros(left);
            float d = partDistance(poses, p, t, i);
            insertSorted(s, n++, d);
        }
        return (n & 1) == 1 ? s[n / 2] : 0.5f * (s[n / 2 - 1] + s[n / 2]);
    }

    /** One part's colour distance: chroma by Euclid, brightness weighted apart. */
    private float partDistance(Poses poses, int p, int t, int i) {
        int at = (t * parts + i) * C;
        float dr = poses.colour(p, i, 0) - colour[at];
        float dg = poses.colour(p, i, 1) - colour[at + 1];
        float db = poses.colour(p, i, 2) - colour[at + 2];
        return (float) Math.sqrt(dr * dr + dg * dg) + BRIGHTNESS_WEIGHT * Math.abs(db);
    }

    /** Inserts d into s[0..n), kept in ascending order (an insertion sort's step). */
    private static void insertSorted(float[] s, int n, float d) {
        int j = n;
        while (j > 0 && s[j - 1] > d) {
            s[j] = s[j - 1];
            j--;
        }
        s[j] = d;
    }

    /**
     * {@link #distance} (the same loop, so the same float), or +infinity once it is sure to be above
     * {@code limit}: when more than half of the
     * shared parts are above it, so is the median (the middle one; or both middle ones, whose float mean is
     * then above it too). Sure only when every colour involved is finite: then no part's distance is NaN
     * and the insertion sort orders them truly. Needs {@link #index} of this frame.
     */
    float distanceUnlessAbove(Poses poses, int p, int t, int minParts, float limit) {
        if (parts > FAST_PARTS) {
            return distanceStraight(poses, p, t, minParts);
        }
        if (!finite[t] || !detFinite(poses, p)) {
            return distance(poses, p, t, minParts);
        }
        int shared = detMask(poses, p) & seenMask[t];
        int n = Integer.bitCount(shared);
        if (n < minParts) {
            return -1f;
        }
        int enough = n / 2 + 1;
        int above = 0;
        float[] s = scratch;
        int m = 0;
        for (int left = shared; left != 0; left &= left - 1) {
            int i = Integer.numberOfTrailingZeros(left);
            float d = partDistance(poses, p, t, i);
            above += d > limit ? 1 : 0;
            if (above >= enough) {
                return Float.POSITIVE_INFINITY;
            }
            insertSorted(s, m++, d);
        }
        return (n & 1) == 1 ? s[n / 2] : 0.5f * (s[n / 2 - 1] + s[n / 2]);
    }

    /**
     * Median distance between detection p's colours and track t's template over the parts both have (the
     * median, not the mean: a limb hidden behind someone else shows that person's colour), or -1 when they
     * share fewer than {@code minParts}. The straightforward computation (two tests per part): {@link #distance}
     * gives the same float, and uses this one beyond {@link #FAST_PARTS} parts.
     */
    float distanceStraight(Poses poses, int p, int t, int minParts) {
        int n = 0;
        for (int i = 0; i < parts; i++) {
            int at = t * parts + i;
            if (seen[at] == 0 || !poses.hasColour(p, i)) {
                continue;
            }
            float dr = poses.colour(p, i, 0) - colour[at * C];
            float dg = poses.colour(p, i, 1) - colour[at * C + 1];
            float db = poses.colour(p, i, 2) - colour[at * C + 2];
            float d = (float) Math.sqrt(dr * dr + dg * dg) + BRIGHTNESS_WEIGHT * Math.abs(db);
            int j = n++;
            while (j > 0 && scratch[j - 1] > d) {
                scratch[j] = scratch[j - 1];
                j--;
            }
            scratch[j] = d;
        }
        if (n < minParts) {
            return -1f;
        }
        return (n & 1) == 1 ? scratch[n / 2] : 0.5f * (scratch[n / 2 - 1] + scratch[n / 2]);
    }

    /** Copies track from's template into slot to (swap-removal). */
    void move(int from, int to) {
        System.arraycopy(seen, from * parts, seen, to * parts, parts);
        System.arraycopy(colour, from * parts * C, colour, to * parts * C, parts * C);
        seenMask[to] = seenMask[from];
        finite[to] = finite[from];
    }

    /** Parts of track t's template seen at least once (fewer than a comparison needs: no template yet). */
    int seenParts(int t) {
        if (parts <= FAST_PARTS) {
            return Integer.bitCount(seenMask[t]);
        }
        int n = 0;
        for (int i = 0; i < parts; i++) {
            n += seen[t * parts + i] > 0 ? 1 : 0;
        }
        return n;
    }
}
