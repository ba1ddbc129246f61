package io.posegate.grouping.posenet;

/**
 * A max-heap of keypoint candidates (score, part id, position in cells) over preallocated arrays, so
 * pushing and popping allocate nothing. One thread at a time.
 */
final class PartQueue {
    private float[] scores = new float[0];
    private float[] ys = new float[0];
    private float[] xs = new float[0];
    private int[] ids = new int[0];
    private int size;

    /** Empties the queue and makes room for {@code capacity} entries (growing only when needed). */
    void reset(int capacity) {
        size = 0;
        if (scores.length < capacity) {
            scores = new float[capacity];
            ys = new float[capacity];
            xs = new float[capacity];
            ids = new int[capacity];
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    void push(float score, int id, float y, float x) {
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (scores[parent] >= score) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, score, id, y, x);
    }

    float topScore() {
        return scores[0];
    }

    int topId() {
        return ids[0];
    }

    float topY() {
        return ys[0];
    }

    float topX() {
        return xs[0];
    }

    /** Removes the top entry (read it first). */
    void pop() {
        int last = --size;
        if (last == 0) {
            return;
        }
        float score = scores[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && scores[child + 1] > scores[child]) {
                child++;
            }
            if (scores[child] <= score) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, score, ids[last], ys[last], xs[last]);
    }

    private void move(int from, int to) {
        set(to, scores[from], ids[from], ys[from], xs[from]);
    }

    private void set(int i, float score, int id, float y, float x) {
        scores[i] = score;
        ids[i] = id;
        ys[i] = y;
        xs[i] = x;
    }
}
