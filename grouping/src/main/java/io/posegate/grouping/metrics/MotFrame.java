package io.posegate.grouping.metrics;

import static java.util.Objects.requireNonNull;

/**
 * One frame of a tracking evaluation: ground-truth object ids, hypothesis (track) ids, and their
 * distances, as PyPI {@code motmetrics}' {@code MOTAccumulator.update} takes them.
 *
 * @param objects    ground-truth ids, distinct
 * @param hypotheses hypothesis ids, distinct
 * @param distances  row-major [object][hypothesis]; NaN where the pair may not be matched
 */
public record MotFrame(int[] objects, int[] hypotheses, float[] distances) {
    public MotFrame {
        requireNonNull(objects, "objects is null");
        requireNonNull(hypotheses, "hypotheses is null");
        requireNonNull(distances, "distances is null");
        if (distances.length != objects.length * hypotheses.length) {
            throw new IllegalArgumentException("distances has " + distances.length + " entries for " + objects.length
                    + " objects x " + hypotheses.length + " hypotheses");
        }
    }

    public float distance(int object, int hypothesis) {
        return distances[object * hypotheses.length + hypothesis];
    }
}
