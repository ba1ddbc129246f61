package io.posegate.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.posegate.gateway.pipeline.Latency;
import io.posegate.gateway.pipeline.PoseFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stream's stage histograms live from {@link StageTimers#open} to {@link StageTimers#forget}: a frame still in
 * flight when its stream was removed does not bring the stream's series back.
 */
class StageTimersTest {
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final StageTimers timers = new StageTimers(registry);

    private static PoseFrame frame(String stream) {
        return new PoseFrame(stream, 1, 0, 64, 48, "m", "b", false, null, new Latency(1, 2, 3, 4, 10), 0, List.of(),
                List.of());
    }

    private long series(String stream) {
        return registry.find("posegate.frame.stage").tag("stream", stream).timers().size();
    }

    @Test
    void anOpenStreamsFramesAreRecordedPerStage() {
        timers.open("a");
        timers.record(frame("a"));
        timers.record(frame("a"));
        assertEquals(StageTimers.STAGES.length, series("a"));
        Timer total = registry.find("posegate.frame.stage").tags("stream", "a", "stage", "total").timer();
        assertEquals(2, total.count());
        assertEquals(10.0, total.max(java.util.concurrent.TimeUnit.MILLISECONDS), 1e-9);
    }

    @Test
    void aFrameInFlightAfterItsStreamWasRemovedLeavesNoSeries() {
        timers.open("a");
        timers.record(frame("a"));
        timers.forget("a");
        assertEquals(0, series("a"));
        timers.record(frame("a"));
        assertEquals(0, series("a"), "the late frame re-registered the removed stream's histograms");
    }

    @Test
    void aStreamNeverOpenedIsNotRecordedAndReopeningStartsAfresh() {
        timers.record(frame("ghost"));
        assertEquals(0, series("ghost"));
        timers.open("a");
        timers.record(frame("a"));
        timers.forget("a");
        timers.open("a");
        Timer total = registry.find("posegate.frame.stage").tags("stream", "a", "stage", "total").timer();
        assertTrue(total != null && total.count() == 0, "a re-added stream's histogram starts empty");
    }
}
