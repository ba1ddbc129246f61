package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HTTP MJPEG cameras through FFmpeg's multipart demuxer, against a real HTTP server on 127.0.0.1. */
class MjpegHttpSourceTest {
    /** The test server is on loopback, which sources from the API reach only because the config allows it here. */
    final SourceFactory factory = Sources.defaultFactory(IngestPolicy.defaults()
            .withNetwork(io.posegate.gateway.ingest.net.NetworkPolicy.allowing(java.util.List.of("127.0.0.0/8"))),
            new WebcamHub(WebcamLimits.defaults()));

    @Test
    void readsFramesFromAMultipartStream() throws Exception {
        List<byte[]> jpegs = List.of(TestMedia.jpeg(64, 48, Color.RED), TestMedia.jpeg(64, 48, Color.BLUE));
        try (MjpegHttpServer server = new MjpegHttpServer(jpegs, 50, 500);
             FrameSource s = factory.create(new SourceSpec(server.url("mjpeg+http"), SourceSpec.Origin.API, 0, 32, 24, Map.of()))) {
            s.open();
            VideoFrame f = new VideoFrame();
            boolean sawRed = false;
            boolean sawBlue = false;
            for (int i = 0; i < 8; i++) {
                assertTrue(s.read(f), "frame " + i);
                assertEquals(32, f.width());
                assertEquals(24, f.height());
                sawRed |= TestMedia.close(f, new int[] {0, 0, 255}, 12);
                sawBlue |= TestMedia.close(f, new int[] {255, 0, 0}, 12);
            }
            assertTrue(sawRed && sawBlue, "both pictures of the stream came through");
        }
    }

    @Test
    void aCameraThatStopsSendingIsAFailureNotAnEnd() throws Exception {
        List<byte[]> jpegs = List.of(TestMedia.jpeg(64, 48, Color.GREEN));
        try (MjpegHttpServer server = new MjpegHttpServer(jpegs, 50, 3);
             FrameSource s = factory.create(SourceSpec.of(server.url("mjpeg+http")))) {
            s.open();
            VideoFrame f = new VideoFrame();
            int frames = 0;
            java.io.IOException failure = null;
            try {
                while (s.read(f)) {
                    frames++;
                }
            } catch (java.io.IOException e) {
                failure = e;
            }
            assertTrue(frames >= 1 && frames <= 3, "read " + frames + " frames");
            assertTrue(failure != null && failure.getMessage().contains("127.0.0.1"), "live sources fail at the end: " + failure);
        }
    }
}
