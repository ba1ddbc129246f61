package io.posegate.gateway.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.metrics.MotSummary;
import org.junit.jupiter.api.Test;

/** Mean and worst figures over several runs. */
class MotPanelTest {
    @Test
    void meanAndWorstOfEachFigure() {
        MotPanel panel = new MotPanel();
        // 100 frames, 100 objects, 100 predictions; idtp 90 and 70 -> IDF1 0.9 and 0.7
        panel.add(new MotSummary(100, 100, 100, 98, 1, 2, 2, 90));
        panel.add(new MotSummary(100, 100, 100, 90, 5, 10, 10, 70));
        assertEquals(0.8, panel.meanIdf1(), 1e-12);
        assertEquals(0.7, panel.minIdf1(), 1e-12);
        assertEquals((0.95 + 0.75) / 2, panel.meanMota(), 1e-12);
        assertEquals(0.75, panel.minMota(), 1e-12);
        assertEquals(3.0, panel.meanSwitchesPer100Frames(), 1e-12);
        assertEquals(5.0, panel.maxSwitchesPer100Frames(), 1e-12);
        assertEquals(0.06, panel.meanFalsePositiveRate(), 1e-12);
        assertEquals(0.10, panel.maxFalsePositiveRate(), 1e-12);
        assertTrue(panel.toString().startsWith("runs 2: MOTA mean 0.8500 (min 0.7500), IDF1 mean 0.8000 (min 0.7000)"), panel.toString());
    }
}
