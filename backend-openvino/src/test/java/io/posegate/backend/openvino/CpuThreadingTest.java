package io.posegate.backend.openvino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.nio.FloatBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CPU threading options reach OpenVINO (read back from the compiled model) and leave results unchanged. */
class CpuThreadingTest extends RealRuntimeTestBase {
    private Map<String, String> settled(Map<String, String> options) {
        try (BackendSession s = provider.open(spec, BackendOptions.of(options))) {
            return ((OpenVinoSession) s).settled();
        }
    }

    @Test
    void pinningAndStreamsAreWhatOpenVinoCompiledWith() {
        assertEquals("NO", settled(Map.of("cpuPinning", "false")).get("ENABLE_CPU_PINNING"));
        assertEquals("YES", settled(Map.of("cpuPinning", "true")).get("ENABLE_CPU_PINNING"));
        Map<String, String> two = settled(Map.of("numStreams", "2", "numThreads", "2", "performanceHint", "THROUGHPUT"));
        assertEquals("2", two.get("NUM_STREAMS"), two.toString());
        assertEquals("THROUGHPUT", two.get("PERFORMANCE_HINT"), two.toString());
        assertEquals("1", settled(Map.of("numStreams", "1")).get("NUM_STREAMS"));
    }

    @Test
    void everyOptionAtOnceCompilesAndRuns() {
        Map<String, String> all = new java.util.HashMap<>(OpenVinoOptionsTest.ALL_OPTIONS);
        all.put("cacheDir", temp.resolve("ov-cache").toString());
        try (BackendSession s = provider.open(spec, BackendOptions.of(all));
             InferenceResult r = s.run(Tensor.allocate("input", ElementType.FLOAT32, 1, 3, H, W))) {
            assertEquals("NO", ((OpenVinoSession) s).settled().get("ENABLE_CPU_PINNING"));
            assertTrue(r.names().contains("heatmaps"), r.names().toString());
        }
    }

    @Test
    void twoStreamsKeepTwoRequestsAndGiveTheSameResults() {
        Tensor in = Tensor.allocate("input", ElementType.FLOAT32, 1, 3, H, W);
        FloatBuffer fb = in.floats();
        float[] values = new float[fb.capacity()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ((i * 17) % 97) / 97f * 255f;
            fb.put(i, values[i]);
        }
        float[] expected = MODEL.expected(0, values, H, W);
        try (BackendSession s = provider.open(spec, BackendOptions.of(Map.of("numStreams", "2", "cpuPinning", "false",
                "tbbPartitioner", "AUTO")))) {
            assertEquals(2, s.maxConcurrentRuns(), "inferRequests follows numStreams");
            try (InferenceResult a = s.run(in); InferenceResult b = s.run(in)) {
                FloatBuffer ha = a.output("heatmaps").floats();
                FloatBuffer hb = b.output("heatmaps").floats();
                float max = 0;
                for (int i = 0; i < expected.length; i++) {
                    max = Math.max(max, Math.max(Math.abs(expected[i] - ha.get(i)), Math.abs(expected[i] - hb.get(i))));
                }
                assertTrue(max < 1e-3f, "max abs diff " + max);
            }
        }
    }
}
