package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code file:} through FFmpeg, on an H.264 video encoded by the test itself. */
class FileSourceTest {
    private static final int FRAMES = 24;
    @TempDir
    static Path dir;
    static Path video;
    final SourceFactory factory = Sources.defaultFactory(IngestPolicy.defaults(), new WebcamHub(WebcamLimits.defaults()));

    @BeforeAll
    static void encode() {
        video = TestMedia.encodeVideo(dir.resolve("colours.mp4"), 320, 240, FRAMES, 25);
    }

    private FrameSource open(String uri, int width, int height, Map<String, String> options) throws Exception {
        FrameSource s = factory.create(new SourceSpec(uri, SourceSpec.Origin.CONFIG_FILE, 0, width, height, options));
        s.open();
        return s;
    }

    @Test
    void decodesEveryFrameInOrderAsBgr() throws Exception {
        try (FrameSource s = open("file:" + video, 0, 0, Map.of("pace", "fast"))) {
            VideoFrame f = new VideoFrame();
            int n = 0;
            while (s.read(f)) {
                assertEquals(320, f.width());
                assertEquals(240, f.height());
                assertTrue(TestMedia.close(f, TestMedia.bgrOf(n), 6), "frame " + n + ": " + TestMedia.describe(f));
                assertTrue(f.decodeMillis() >= 0 && f.captureEpochMillis() > 0);
                n++;
            }
            assertEquals(FRAMES, n);
        }
    }

    @Test
    void loopsWhenAskedThroughTheUriFragment() throws Exception {
        try (FrameSource s = open("file:" + video + "#loop=true&pace=fast", 0, 0, Map.of())) {
            VideoFrame f = new VideoFrame();
            for (int i = 0; i < FRAMES + 5; i++) {
                assertTrue(s.read(f), "frame " + i + " of a looping file");
                assertTrue(TestMedia.close(f, TestMedia.bgrOf(i % FRAMES), 6), "frame " + i + ": " + TestMedia.describe(f));
            }
        }
    }

    @Test
    void scalesToTheTargetSizeKeepingAspectWhenOnlyWidthIsGiven() throws Exception {
        VideoFrame f = new VideoFrame();
        try (FrameSource s = open("file:" + video, 160, 0, Map.of("pace", "fast"))) {
            assertTrue(s.read(f));
            assertEquals(160, f.width());
            assertEquals(120, f.height());
            assertTrue(TestMedia.close(f, TestMedia.bgrOf(0), 6), TestMedia.describe(f));
        }
        try (FrameSource s = open("file:" + video, 64, 64, Map.of("pace", "fast"))) {
            assertTrue(s.read(f));
            assertEquals(64, f.width());
            assertEquals(64, f.height());
        }
    }

    @Test
    void canBeReopenedAfterClose() throws Exception {
        FrameSource s = open("file:" + video, 0, 0, Map.of("pace", "fast"));
        VideoFrame f = new VideoFrame();
        assertTrue(s.read(f));
        assertTrue(s.read(f));
        s.close();
        s.open();
        assertTrue(s.read(f));
        assertTrue(TestMedia.close(f, TestMedia.bgrOf(0), 6), "first frame again: " + TestMedia.describe(f));
        s.close();
    }

    @Test
    void missingFileFailsNamingIt() throws Exception {
        FrameSource s = factory.create(SourceSpec.of("file:" + dir.resolve("nope.mp4")));
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, s::open);
        assertTrue(e.getMessage().contains("nope.mp4"), e.getMessage());
        s.close();
    }

    @Test
    void sharedVtestAviDecodesAt768x576() throws Exception {
        String shared = System.getenv("POSEGATE_SHARED");
        assumeTrue(shared != null, "POSEGATE_SHARED is not set (it points at the folder holding models/ and media/)");
        Path avi = Path.of(shared, "media", "vtest.avi");
        assumeTrue(Files.exists(avi), avi + " is missing");
        try (FrameSource s = open("file:" + avi, 0, 0, Map.of("pace", "fast"))) {
            VideoFrame f = new VideoFrame();
            for (int i = 0; i < 10; i++) {
                assertTrue(s.read(f));
                assertEquals(768, f.width());
                assertEquals(576, f.height());
            }
            double[] mean = TestMedia.meanBgr(f);
            assertFalse(mean[0] < 5 && mean[1] < 5 && mean[2] < 5, "vtest.avi decoded to a black picture");
        }
    }
}
