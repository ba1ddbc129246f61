package io.posegate.grouping;

import java.util.Arrays;

/**
 * A reusable container of grouped people: allocated once per worker with a capacity, cleared and
 * refilled every frame, so grouping allocates nothing in steady state.
 *
 * <p>Coordinates are in heatmap pixels (pixel i spans [i, i+1)) after grouping; the gateway maps them
 * to source pixels in place with {@link #transform}. An absent keypoint has score 0 and
 * {@link #present} false.
 *
 * <p>Each person may also carry an <b>appearance</b>: per limb part (see {@link LimbParts}) a colour of
 * {@value #COLOUR_CHANNELS} floats (normalised chromaticity r, g and brightness, see
 * {@link LimbParts#colour}), with a presence flag per part. The gateway samples it from the model's input
 * picture; trackers may use it. Parts are fixed at construction (0: no appearance). Not thread-safe.
 */
public final class Poses {
    private final int keypoints;
    private final int capacity;
    private final float[] xs;
    private final float[] ys;
    private final float[] scores;
    private final float[] personScores;
    private final int[] ids;
    private final int parts;
    private final float[] colours;
    private final boolean[] hasColour;
    private int count;

    /** Colour floats per appearance part: chromaticity r, chromaticity g, brightness. */
    public static final int COLOUR_CHANNELS = 3;

    public Poses(int keypoints, int capacity) {
        this(keypoints, capacity, 0);
    }

    /** People with {@code parts} appearance parts each (0 for none). */
    public Poses(int keypoints, int capacity, int parts) {
        if (parts < 0) {
            throw new IllegalArgumentException("appearance parts must be >= 0, got " + parts);
        }
        this.parts = parts;
        this.colours = new float[capacity * parts * COLOUR_CHANNELS];
        this.hasColour = new boolean[capacity * parts];
        this.keypoints = keypoints;
        this.capacity = capacity;
        this.xs = new float[keypoints * capacity];
        this.ys = new float[keypoints * capacity];
        this.scores = new float[keypoints * capacity];
        this.personScores = new float[capacity];
        this.ids = new int[capacity];
    }

    public void clear() {
        count = 0;
    }

    /**
     * Starts a new person with no keypoints and returns its index, or -1 when full.
     */
    public int add(float personScore) {
        if (count == capacity) {
            return -1;
        }
        int p = count++;
        Arrays.fill(scores, p * keypoints, (p + 1) * keypoints, 0f);
        personScores[p] = personScore;
        ids[p] = -1;
        Arrays.fill(hasColour, p * parts, (p + 1) * parts, false);
        return p;
    }

    public void setKeypoint(int person, int k, float x, float y, float score) {
        int i = person * keypoints + k;
        xs[i] = x;
        ys[i] = y;
        scores[i] = score;
    }

    /** Removes person {@code p}, moving the last person into its place. */
    public void removeSwap(int p) {
        int last = --count;
        if (p != last) {
            System.arraycopy(xs, last * keypoints, xs, p * keypoints, keypoints);
            System.arraycopy(ys, last * keypoints, ys, p * keypoints, keypoints);
            System.arraycopy(scores, last * keypoints, scores, p * keypoints, keypoints);
            personScores[p] = personScores[last];
            ids[p] = ids[last];
            System.arraycopy(hasColour, last * parts, hasColour, p * parts, parts);
            int c = parts * COLOUR_CHANNELS;
            System.arraycopy(colours, last * c, colours, p * c, c);
        }
    }

    /** x' = x * scaleX + offsetX, y' = y * scaleY + offsetY for every keypoint. */
    public void transform(float scaleX, float offsetX, float scaleY, float offsetY) {
        for (int i = 0; i < count * keypoints; i++) {
            xs[i] = xs[i] * scaleX + offsetX;
            ys[i] = ys[i] * scaleY + offsetY;
        }
    }

    public int count() {
        return count;
    }

    public int keypointCount() {
        return keypoints;
    }

    public int capacity() {
        return capacity;
    }

    public boolean present(int p, int k) {
        return scores[p * keypoints + k] > 0f;
    }

    public float x(int p, int k) {
        return xs[p * keypoints + k];
    }

    public float y(int p, int k) {
        return ys[p * keypoints + k];
    }

    public float score(int p, int k) {
        return scores[p * keypoints + k];
    }

    public float personScore(int p) {
        return personScores[p];
    }

    public void setPersonScore(int p, float score) {
        personScores[p] = score;
    }

    /** Track id, or -1 when untracked. */
    public int id(int p) {
        return ids[p];
    }

    public void setId(int p, int id) {
        ids[p] = id;
    }

    public int presentCount(int p) {
        int n = 0;
        for (int k = 0; k < keypoints; k++) {
            if (present(p, k)) {
                n++;
            }
        }
        return n;
    }

    /** Appearance parts per person (0: this container carries no appearance). */
    public int appearanceParts() {
        return parts;
    }

    /** Sets person p's colour of appearance part {@code part}: chromaticity r, g and brightness. */
    public void setColour(int p, int part, float r, float g, float brightness) {
        int i = (p * parts + part) * COLOUR_CHANNELS;
        colours[i] = r;
        colours[i + 1] = g;
        colours[i + 2] = brightness;
        hasColour[p * parts + part] = true;
    }

    /** Whether person p has a colour for appearance part {@code part}. */
    public boolean hasColour(int p, int part) {
        return hasColour[p * parts + part];
    }

    /** Channel c (0 r, 1 g, 2 brightness) of person p's colour of part {@code part}. */
    public float colour(int p, int part, int c) {
        return colours[(p * parts + part) * COLOUR_CHANNELS + c];
    }

    /** Removes person p's colour of part {@code part}. */
    public void clearColour(int p, int part) {
        hasColour[p * parts + part] = false;
    }
}
