package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.ingest.SourceState.Phase;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.DrainedSlot;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real RTSP camera (GStreamer's RTSP server) is killed mid-stream and started again: its stream goes
 * reconnecting and then live, while a second stream keeps producing frames the whole time.
 */
class RtspReconnectTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    @TempDir
    Path dir;

    @Test
    void reconnectsAfterTheCameraComesBackWhileOtherStreamsKeepGoing() throws Exception {
        String unavailable = RtspTestServer.unavailableReason();
        assumeTrue(unavailable == null, unavailable);
        Files.write(dir.resolve("a.jpg"), TestMedia.jpeg(64, 48, Color.RED));
        Files.write(dir.resolve("b.jpg"), TestMedia.jpeg(64, 48, Color.BLUE));

        IngestPolicy policy = IngestPolicy.defaults().withNetworkTimeout(Duration.ofSeconds(3));
        SourceFactory factory = Sources.defaultFactory(policy, new WebcamHub(WebcamLimits.defaults()));
        SourceSupervisor.Backoff backoff = new SourceSupervisor.Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), Integer.MAX_VALUE);
        List<SourceState> cameraStates = Collections.synchronizedList(new ArrayList<>());
        DrainedSlot cameraSlot = new DrainedSlot();
        DrainedSlot otherSlot = new DrainedSlot();

        try (RtspTestServer camera = new RtspTestServer(RtspTestServer.freePort())) {
            camera.start();
            SourceSupervisor cam = new SourceSupervisor("cam", factory.create(SourceSpec.of(camera.url())),
                    cameraSlot.slot(), backoff, cameraStates::add);
            SourceSupervisor other = new SourceSupervisor("other",
                    factory.create(new SourceSpec("images:" + dir + "#loop=true", SourceSpec.Origin.CONFIG_FILE, 0, 0, 0,
                            Map.of("fps", "30"))), otherSlot.slot(), backoff, s -> { });
            try {
                cam.start();
                other.start();
                Await.until(() -> cameraSlot.published() >= 10, PATIENCE, () -> "10 frames from the camera, state " + cam.state());
                assertEquals(320, cameraSlot.lastWidth());
                assertEquals(240, cameraSlot.lastHeight());

                camera.kill();
                long cameraAtKill = cameraSlot.published();
                long otherAtKill = otherSlot.published();
                Await.until(() -> cam.state().phase() == Phase.RECONNECTING && cam.state().attempt() >= 2, PATIENCE,
                        () -> "two reconnect attempts, state " + cam.state());
                SourceState down = cam.state();
                assertNotNull(down.nextRetryAt());
                assertNotNull(down.reason());
                long otherDuringOutage = otherSlot.published();
                assertTrue(otherDuringOutage > otherAtKill, "the other stream kept producing while the camera was down: "
                        + otherAtKill + " -> " + otherDuringOutage);

                camera.start();
                Await.until(() -> cam.state().phase() == Phase.LIVE && cameraSlot.published() >= cameraAtKill + 10, PATIENCE,
                        () -> "the camera live again, state " + cam.state());
                assertTrue(otherSlot.published() > otherDuringOutage, "the other stream is still running");
                assertEquals(Phase.LIVE, other.state().phase());
                assertTrue(cam.framesLost() >= 1, "the failed read is counted as lost, got " + cam.framesLost());
                assertPhasesInOrder(cameraStates, Phase.LIVE, Phase.RECONNECTING, Phase.LIVE);
            } finally {
                cam.close();
                other.close();
                Await.ended(cam::awaitTermination, PATIENCE, "the camera stream's decode thread");
                Await.ended(other::awaitTermination, PATIENCE, "the other stream's decode thread");
            }
        }
    }

    private static void assertPhasesInOrder(List<SourceState> states, Phase... expected) {
        List<Phase> seen;
        synchronized (states) {
            seen = states.stream().map(SourceState::phase).toList();
        }
        int i = 0;
        for (Phase p : seen) {
            if (i < expected.length && p == expected[i]) {
                i++;
            }
        }
        assertEquals(expected.length, i, "phases " + seen + " should contain " + List.of(expected) + " in order");
    }
}
