package io.posegate.gateway.fleet;

import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.Latency;
import io.posegate.gateway.pipeline.StreamPipeline;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-stream end-to-end latency samples (the latest frame's total, sampled once a second over the last
 * 60 samples), for the p50/p95 in the metrics payload. Fixed-size rings: nothing grows. Thread-safe.
 */
final class LatencyWindows {
    private static final int SIZE = 60;
    private final Map<String, double[]> rings = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    synchronized void sample(Gateway g) {
        Map<String, Latency> latest = new LinkedHashMap<>();
        for (StreamPipeline s : g.streams()) {
            latest.put(s.id(), s.lastLatency());
        }
        sample(latest);
    }

    /**
     * One sample per stream: its latest frame's latency, or null before its first frame. A stream not in
     * {@code latest} was removed, and its window with it, so a stream added again under its id starts afresh.
     */
    synchronized void sample(Map<String, Latency> latest) {
        rings.keySet().retainAll(latest.keySet());
        counts.keySet().retainAll(latest.keySet());
        latest.forEach((id, l) -> {
            if (l != null) {
                double[] ring = rings.computeIfAbsent(id, k -> new double[SIZE]);
                int n = counts.merge(id, 1, Integer::sum);
                ring[(n - 1) % SIZE] = l.total();
            }
        });
    }

    /** {p50, p95} in ms, or null before the first sample. */
    synchronized double[] percentiles(String stream) {
        double[] ring = rings.get(stream);
        if (ring == null) {
            return null;
        }
        int n = Math.min(SIZE, counts.get(stream));
        double[] sorted = Arrays.copyOf(ring, n);
        Arrays.sort(sorted);
        return new double[] {round(sorted[(n - 1) / 2]), round(sorted[(int) Math.ceil(0.95 * n) - 1])};
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
