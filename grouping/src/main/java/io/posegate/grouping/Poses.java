package io.posegate.grouping;

import java.util.Arrays;

/**
 * A reusable container of grouped people: allocated once per worker with a capacity, cleared and
 * refilled every frame, so grouping allocates nothing in steady state.
 *
 * <p>Coordinates are in heatmap pixels (pixel i spans [i, i+1)) after grouping; the gateway maps them
 * to source pixels in place with {@link #transform}. An absent keypoint has score 0 and
 * {@link #present} false. Not thread-safe.
 */
public final class Poses {
    private final int keypoints;
    private final int capacity;
    private final float[] xs;
    private final float[] ys;
    private final float[] scores;
    private final float[] personScores;
    private final int[] ids;
    private int count;

    public Poses(int keypoints, int capacity) {
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
}
