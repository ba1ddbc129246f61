package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.ingest.SourceState.Phase;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.DrainedSlot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code rtmp://} against a real RTMP peer: the ffmpeg CLI serving a test pattern with {@code -listen 1} on 127.0.0.1. */
class RtmpSourceTest {

    @Test
    void readsAnRtmpStream() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "ffmpeg is not installed (.ci/install-packages.sh installs it)");
        int port = RtspTestServer.freePort();
        String url = "rtmp://127.0.0.1:" + port + "/live/cam";
        Process server = new ProcessBuilder("/usr/bin/ffmpeg", "-nostdin", "-loglevel", "error", "-re", "-f", "lavfi",
                "-i", "testsrc=size=256x144:rate=25", "-t", "60", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
                "-g", "10", "-f", "flv", "-listen", "1", url)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        SourceFactory factory = Sources.defaultFactory(IngestPolicy.defaults().withNetworkTimeout(Duration.ofSeconds(5)),
                new WebcamHub(WebcamLimits.defaults()));
        DrainedSlot slot = new DrainedSlot();
        SourceSupervisor.Backoff retry = new SourceSupervisor.Backoff(Duration.ofMillis(100), Duration.ofMillis(500), 100);
        try (SourceSupervisor s = new SourceSupervisor("rtmp", factory.create(SourceSpec.of(url)), slot.slot(), retry, st -> { })) {
            s.start();
            Await.until(() -> s.state().phase() == Phase.LIVE && slot.published() >= 10, Duration.ofSeconds(60),
                    () -> "10 frames over RTMP, state " + s.state());
            assertEquals(256, slot.lastWidth());
            assertEquals(144, slot.lastHeight());
        } finally {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
