package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.posegate.gateway.pipeline.Latency;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fleet's p50/p95 latency windows: the last 60 samples per stream, gone with the stream. */
class LatencyWindowsTest {
    private final LatencyWindows windows = new LatencyWindows();

    private static Map<String, Latency> one(String id, double totalMs) {
        Map<String, Latency> m = new HashMap<>();
        m.put(id, new Latency(0, 0, 0, 0, totalMs));
        return m;
    }

    @Test
    void percentilesCoverTheLastSixtySamplesOnly() {
        for (int i = 1; i <= 100; i++) {
            windows.sample(one("a", i));
        }
        assertArrayEquals(new double[] {70, 97}, windows.percentiles("a"), 1e-9, "samples 41..100");
    }

    @Test
    void aStreamBeforeItsFirstFrameHasNoWindow() {
        Map<String, Latency> m = new HashMap<>();
        m.put("a", null);
        windows.sample(m);
        assertNull(windows.percentiles("a"));
    }

    @Test
    void aStreamAddedAgainUnderItsIdStartsAfresh() {
        for (int i = 0; i < 61; i++) {
            windows.sample(one("a", 100));
        }
        windows.sample(Map.of());
        assertNull(windows.percentiles("a"), "removed with its stream");
        windows.sample(one("a", 50));
        assertArrayEquals(new double[] {50, 50}, windows.percentiles("a"), 1e-9,
                "the old count made the new window read 59 empty slots as 0 ms");
    }
}
