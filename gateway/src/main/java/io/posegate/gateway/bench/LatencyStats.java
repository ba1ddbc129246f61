package io.posegate.gateway.bench;

import java.util.Arrays;

/** Millisecond samples and their percentiles. Not thread-safe. */
final class LatencyStats {
    private long[] samples = new long[1024];
    private int count;

    void add(long millis) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = millis;
    }

    int count() {
        return count;
    }

    void clear() {
        count = 0;
    }

    void copyInto(LatencyStats other) {
        for (int i = 0; i < count; i++) {
            other.add(samples[i]);
        }
    }

    /** The {@code p}-th percentile (0..100), nearest rank; NaN without samples. */
    double percentile(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }
}
