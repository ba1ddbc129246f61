package io.posegate.grouping.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MotMetricsTest {
    private static final float NO = Float.NaN;

    /**
     * motmetrics 1.4.0 (MOTAccumulator.update, step 1) lets an object take back the hypothesis it was last
     * matched to in any earlier frame, before the assignment of the rest; not only pairs of the previous frame.
     */
    @Test
    void anObjectTakesBackItsLastHypothesisEvenAfterAFrameWithoutIt() {
        List<MotFrame> frames = List.of(
                new MotFrame(new int[] {1}, new int[] {10}, new float[] {0.1f}),
                new MotFrame(new int[] {1}, new int[] {}, new float[] {}),
                // object 2 is nearer to hypothesis 10, and 20 is admissible for object 1 only
                new MotFrame(new int[] {1, 2}, new int[] {10, 20}, new float[] {0.4f, 0.2f, 0.1f, NO}));
        MotSummary m = MotMetrics.compute(frames);
        assertEquals(2, m.matches(), "1-10 in frames 0 and 2");
        assertEquals(0, m.switches(), "object 1 kept hypothesis 10");
        assertEquals(2, m.misses(), "object 1 in frame 1, object 2 in frame 2");
        assertEquals(1, m.falsePositives(), "hypothesis 20 in frame 2");
    }

    @Test
    void aMatchToAnotherHypothesisThanTheLastIsASwitchAndIdf1CountsTheBestIdPairs() {
        List<MotFrame> frames = List.of(
                new MotFrame(new int[] {1}, new int[] {10}, new float[] {0.1f}),
                new MotFrame(new int[] {1}, new int[] {20}, new float[] {0.1f}),
                new MotFrame(new int[] {1}, new int[] {20}, new float[] {0.1f}));
        MotSummary m = MotMetrics.compute(frames);
        assertEquals(1, m.switches());
        assertEquals(2, m.idtp(), "object 1 with hypothesis 20 in two frames");
    }
}
