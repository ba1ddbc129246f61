package io.posegate.grouping.metrics;

/**
 * CLEAR-MOT and identity metrics of a sequence, named as PyPI {@code motmetrics} names them.
 *
 * @param frames         frames
 * @param objects        ground-truth objects over all frames ({@code num_objects})
 * @param predictions    hypotheses over all frames ({@code num_predictions})
 * @param matches        matched pairs, switches included ({@code num_matches} + {@code num_switches})
 * @param switches       identity switches ({@code num_switches})
 * @param falsePositives unmatched hypotheses ({@code num_false_positives})
 * @param misses         unmatched objects ({@code num_misses})
 * @param idtp           identity true positives of the global id assignment ({@code idtp})
 */
public record MotSummary(int frames, int objects, int predictions, int matches, int switches, int falsePositives,
                         int misses, int idtp) {
    /** MOTA = 1 - (misses + switches + false positives) / objects. */
    public double mota() {
        return objects == 0 ? Double.NaN : 1.0 - (misses + switches + falsePositives) / (double) objects;
    }

    /** IDF1 = 2 IDTP / (objects + predictions). */
    public double idf1() {
        return objects + predictions == 0 ? Double.NaN : 2.0 * idtp / (objects + predictions);
    }

    /** Identity switches per 100 frames. */
    public double switchesPer100Frames() {
        return frames == 0 ? 0 : 100.0 * switches / frames;
    }

    /** Share of hypotheses matched to no object. */
    public double falsePositiveRate() {
        return predictions == 0 ? 0 : falsePositives / (double) predictions;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "frames %d, objects %d, predictions %d: MOTA %.4f, IDF1 %.4f, "
                + "ID switches %d (%.2f per 100 frames), false positives %d (%.2f %% of published), misses %d",
                frames, objects, predictions, mota(), idf1(), switches, switchesPer100Frames(), falsePositives,
                100 * falsePositiveRate(), misses);
    }
}
