package io.posegate.gateway.eval;

import io.posegate.grouping.metrics.MotSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The metrics of several runs of one tracker (e.g. demo scenes of consecutive seeds), summed up as the
 * mean and the worst run of each figure, so a tracker is judged on many scenes rather than one draw.
 * Not thread-safe.
 */
public final class MotPanel {
    private final List<MotSummary> runs = new ArrayList<>();

    public void add(MotSummary run) {
        runs.add(java.util.Objects.requireNonNull(run, "run is null"));
    }

    public int size() {
        return runs.size();
    }

    public double meanIdf1() {
        return runs.stream().mapToDouble(MotSummary::idf1).average().orElse(Double.NaN);
    }

    public double minIdf1() {
        return runs.stream().mapToDouble(MotSummary::idf1).min().orElse(Double.NaN);
    }

    public double meanMota() {
        return runs.stream().mapToDouble(MotSummary::mota).average().orElse(Double.NaN);
    }

    public double minMota() {
        return runs.stream().mapToDouble(MotSummary::mota).min().orElse(Double.NaN);
    }

    public double meanSwitchesPer100Frames() {
        return runs.stream().mapToDouble(MotSummary::switchesPer100Frames).average().orElse(Double.NaN);
    }

    public double maxSwitchesPer100Frames() {
        return runs.stream().mapToDouble(MotSummary::switchesPer100Frames).max().orElse(Double.NaN);
    }

    public double meanFalsePositiveRate() {
        return runs.stream().mapToDouble(MotSummary::falsePositiveRate).average().orElse(Double.NaN);
    }

    public double maxFalsePositiveRate() {
        return runs.stream().mapToDouble(MotSummary::falsePositiveRate).max().orElse(Double.NaN);
    }

    /** "runs K: MOTA mean a (min b), IDF1 mean c (min d), ID switches per 100 frames mean e (max f), ...". */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "runs %d: MOTA mean %.4f (min %.4f), IDF1 mean %.4f (min %.4f), "
                + "ID switches per 100 frames mean %.2f (max %.2f), false positives mean %.2f %% (max %.2f %%)",
                size(), meanMota(), minMota(), meanIdf1(), minIdf1(), meanSwitchesPer100Frames(),
                maxSwitchesPer100Frames(), 100 * meanFalsePositiveRate(), 100 * maxFalsePositiveRate());
    }
}
