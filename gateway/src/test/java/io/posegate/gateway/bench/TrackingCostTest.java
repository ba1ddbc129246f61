package io.posegate.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.demo.DemoSource;
import io.posegate.gateway.eval.PeopleStats;
import io.posegate.gateway.eval.TrackerKind;
import io.posegate.gateway.eval.VideoTrackingRun;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.spi.BackendOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link TrackingCost} replays recorded frames through the gateway's own steps: a pass publishes exactly the
 * people a live run of the same frames publishes, every pass the same (a new tracker each), and colour
 * sampling is timed only when the tracker uses appearance. The demo scene through the simulated model (the
 * grouping and the tracker are the real ones).
 */
class TrackingCostTest {
    private static final String DEMO = "demo:?people=6&bar=true&width=640&height=360&fps=240";
    private static final int FRAMES = 60;

    @Test
    void aPassPublishesWhatALiveRunOfTheSameFramesPublishes() throws Exception {
        ModelDescriptor d = ModelDescriptors.resolve("demo-simulated", Path.of("../config/models"));
        try (ModelRuntime rt = ModelRuntime.open(d, BackendRegistry.discover().select("auto", d.format()), BackendOptions.empty())) {
            TrackingCost cost = new TrackingCost(d);
            assertThrows(IllegalStateException.class, () -> cost.pass(() -> TrackerKind.TRACKER.create(d, true), true, 10));
            assertEquals(FRAMES, cost.record(new DemoSource(SourceSpec.of(DEMO)), rt, FRAMES));
            PeopleStats live = VideoTrackingRun.run(new DemoSource(SourceSpec.of(DEMO)), FRAMES, 10, rt,
                    TrackerKind.TRACKER.create(d, true));

            TrackingCost.Pass first = cost.pass(() -> TrackerKind.TRACKER.create(d, true), true, 10);
            TrackingCost.Pass second = cost.pass(() -> TrackerKind.TRACKER.create(d, true), true, 10);
            assertEquals(FRAMES, first.frames());
            assertEquals(Math.round(live.meanPeople() * FRAMES), first.published(), "the live run published " + live);
            assertTrue(first.published() > 3 * FRAMES, "most of the 6 walkers are published: " + first.published());
            assertTrue(first.detections() >= first.published());
            assertEquals(first.detections(), second.detections());
            assertEquals(first.published(), second.published());
            assertTrue(first.groupingNanos() > 0 && first.coloursNanos() > 0 && first.trackingNanos() > 0);
            assertEquals(first.trackingNanos() / (double) first.groupingNanos(), first.trackingShare(), 1e-12);

            TrackingCost.Pass plain = cost.pass(() -> TrackerKind.TRACKER.create(d, false), false, 10);
            assertEquals(0, plain.coloursNanos(), "no colour sampling for a tracker without appearance");
            assertEquals(plain.trackingShare(), plain.withColoursShare(), 1e-12);
            TrackingCost.Pass greedy = cost.pass(() -> TrackerKind.GREEDY.create(d), false, 10);
            assertTrue(greedy.published() > first.published(), "the greedy tracker publishes fragments too");
        }
    }
}
