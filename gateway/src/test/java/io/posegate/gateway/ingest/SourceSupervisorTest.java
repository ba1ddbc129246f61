package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.SourceState.Phase;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import io.posegate.gateway.pipeline.FrameSlot;
import io.posegate.gateway.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor around real file: sources, feeding the pipeline's real FrameSlot. */
class SourceSupervisorTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    @TempDir
    Path dir;
    final SourceFactory factory = Sources.defaultFactory(IngestPolicy.defaults(), new WebcamHub(WebcamLimits.defaults()));
    final SourceSupervisor.Backoff fast = new SourceSupervisor.Backoff(Duration.ofMillis(50), Duration.ofMillis(200), Integer.MAX_VALUE);

    @Test
    void backoffDoublesUpToItsCap() {
        SourceSupervisor.Backoff b = new SourceSupervisor.Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 10);
        assertEquals(500, b.delay(1).toMillis());
        assertEquals(1000, b.delay(2).toMillis());
        assertEquals(16000, b.delay(6).toMillis());
        assertEquals(30000, b.delay(7).toMillis());
        assertEquals(30000, b.delay(500).toMillis());
    }

    @Test
    void aFileWithoutLoopIsPublishedFrameByFrameThenEnds() throws Exception {
        Path video = TestMedia.encodeVideo(dir.resolve("v.mp4"), 96, 64, 12, 25);
        FrameSlot slot = new FrameSlot(() -> { });
        SourceSpec spec = new SourceSpec("file:" + video, SourceSpec.Origin.CONFIG_FILE, 0, 0, 0, Map.of("pace", "fast"));
        try (SourceSupervisor s = new SourceSupervisor("f", factory.create(spec), slot, fast, st -> { })) {
            s.start();
            // a fast file is decoded on demand: each frame waits in the slot until it is taken
            for (int i = 0; i < 12; i++) {
                VideoFrame[] got = new VideoFrame[1];
                Await.until(() -> (got[0] = slot.take()) != null, PATIENCE, () -> "a frame, state " + s.state());
                assertEquals(i, got[0].sequence());
                assertTrue(TestMedia.close(got[0], TestMedia.bgrOf(i), 6), TestMedia.describe(got[0]));
                slot.recycle(got[0]);
            }
            Await.until(() -> s.state().phase() == Phase.ENDED, PATIENCE, () -> "end of file, state " + s.state());
            assertEquals(12, s.framesPublished());
            assertEquals(12, slot.published());
            assertEquals(0, slot.dropped());
            assertEquals(0, s.framesLost());
        }
    }

    @Test
    void aMissingFileIsRetriedWithBackoffUntilItAppears() throws Exception {
        Path video = dir.resolve("later.mp4");
        FrameSlot slot = new FrameSlot(() -> { });
        SourceSpec spec = new SourceSpec("file:" + video + "#loop=true", SourceSpec.Origin.CONFIG_FILE, 0, 0, 0, Map.of());
        try (SourceSupervisor s = new SourceSupervisor("late", factory.create(spec), slot, fast, st -> { })) {
            s.start();
            Await.until(() -> s.state().attempt() >= 3, PATIENCE, () -> "three attempts, state " + s.state());
            SourceState st = s.state();
            assertEquals(Phase.RECONNECTING, st.phase());
            assertTrue(st.reason().contains("later.mp4"), st.reason());
            assertTrue(st.nextRetryAt() != null);
            Path tmp = TestMedia.encodeVideo(dir.resolve("tmp.mp4"), 64, 48, 10, 25);
            Files.move(tmp, video);
            Await.until(() -> s.state().phase() == Phase.LIVE && slot.published() > 0, PATIENCE, () -> "live, state " + s.state());
            assertEquals(0, s.state().attempt());
            assertNull(s.state().reason());
        }
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheReason() throws Exception {
        SourceSupervisor.Backoff twice = new SourceSupervisor.Backoff(Duration.ofMillis(10), Duration.ofMillis(10), 2);
        FrameSlot slot = new FrameSlot(() -> { });
        try (SourceSupervisor s = new SourceSupervisor("gone", factory.create(SourceSpec.of("images:" + dir.resolve("none"))),
                slot, twice, st -> { })) {
            s.start();
            Await.until(() -> s.state().phase() == Phase.FAILED, PATIENCE, () -> "failed, state " + s.state());
            assertTrue(s.state().reason().contains("not a directory"), s.state().reason());
            assertEquals(0, s.framesLost(), "a source that never opened lost no frame");
        }
    }

    @Test
    void anErrorFromTheSourceClosesItAndIsRetriedWhileTheOtherStreamsRun() throws Exception {
        ScriptedFrameSource failing = new ScriptedFrameSource(new OutOfMemoryError("test: picture too big"));
        ScriptedFrameSource steady = new ScriptedFrameSource(null);
        List<SourceState> states = new CopyOnWriteArrayList<>();
        FrameSlot failingSlot = new FrameSlot(() -> { });
        FrameSlot steadySlot = new FrameSlot(() -> { });
        try (SourceSupervisor other = new SourceSupervisor("steady", steady, steadySlot, fast, st -> { });
             SourceSupervisor s = new SourceSupervisor("oom", failing, failingSlot, fast, states::add)) {
            other.start();
            Await.until(() -> steadySlot.published() > 0, PATIENCE, () -> "the steady stream live, state " + other.state());
            s.start();
            Await.until(() -> states.stream().anyMatch(st -> st.phase() == Phase.RECONNECTING), PATIENCE,
                    () -> "the failing stream reconnecting, states " + states);
            SourceState reconnecting = states.stream().filter(st -> st.phase() == Phase.RECONNECTING).findFirst().orElseThrow();
            assertTrue(reconnecting.reason().contains("OutOfMemoryError") && reconnecting.reason().contains("test: picture too big"),
                    reconnecting.reason());
            assertTrue(failing.closes.get() >= 1, "the source was not closed after the error");
            // the decode thread survived: it reopened the source, which now delivers frames
            Await.until(() -> s.state().phase() == Phase.LIVE && failingSlot.published() > 0, PATIENCE,
                    () -> "the failing stream live again, state " + s.state());
            assertEquals(2, failing.opens.get());
            assertEquals(1, s.framesLost(), "the read that threw is a lost frame");
            long steadyFrames = steadySlot.published() + steadySlot.dropped();
            Await.until(() -> steadySlot.published() + steadySlot.dropped() > steadyFrames + 3, PATIENCE,
                    () -> "the steady stream still running, state " + other.state());
            assertEquals(Phase.LIVE, other.state().phase());
        }
    }

    @Test
    void closeStopsTheThreadAndReportsStopped() throws Exception {
        Path video = TestMedia.encodeVideo(dir.resolve("loop.mp4"), 64, 48, 10, 25);
        FrameSlot slot = new FrameSlot(() -> { });
        SourceSupervisor s = new SourceSupervisor("l", factory.create(SourceSpec.of("file:" + video + "#loop=true")), slot, fast, st -> { });
        s.start();
        // nobody takes frames: the first stays in the slot, later ones are decoded and dropped unconverted
        Await.until(() -> slot.published() + slot.dropped() >= 3, PATIENCE, () -> "frames, state " + s.state());
        s.close();
        Await.ended(s::awaitTermination, PATIENCE, "the decode thread after close");
        assertEquals(Phase.STOPPED, s.state().phase());
    }
}
