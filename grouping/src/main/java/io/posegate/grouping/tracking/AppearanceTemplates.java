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
        }
    }

    int parts() {
        return parts;
    }

    /** Forgets track t's template. */
    void reset(int t) {
        java.util.Arrays.fill(seen, t * parts, (t + 1) * parts, 0);
    }

    /** Blends detection p's colours into track t's template (the first observation of a part is taken as it is). */
    void update(int t, Poses poses, int p, float alpha) {
        for (int i = 0; i < parts; i++) {
            if (!poses.hasColour(p, i)) {
                continue;
            }
            int at = t * parts + i;
            float a = seen[at] == 0 ? 1f : alpha;
            for (int c = 0; c < C; c++) {
                colour[at * C + c] += a * (poses.colour(p, i, c) - colour[at * C + c]);
            }
            seen[at] = Math.min(seen[at] + 1, 1_000_000);
        }
    }

    /**
     * Median distance between detection p's colours and track t's template over the parts both have (the
     * median, not the mean: a limb hidden behind someone else shows that person's colour), or -1 when they
     * share fewer than {@code minParts}.
     */
    float distance(Poses poses, int p, int t, int minParts) {
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
    }
}
