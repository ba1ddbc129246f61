package io.posegate.gateway.ingest;

import io.posegate.gateway.testing.CapturedLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code images:} folder from the API reads only pictures inside the media directory: an entry that is a symlink
 * to a picture elsewhere is skipped (logged once), and a folder holding only such entries fails to open, the local
 * log saying why. The check is made again before each read: an entry replaced by such a link after the folder was
 * opened is skipped from then on (logged once), and reading fails once every entry leads outside. The config file may
 * still follow such links.
 */
class ImageFolderSymlinkTest {
    @TempDir
    Path dir;
    private Path pics;
    private SourceFactory factory;
    private CapturedLog log;

    @BeforeEach
    void setUp() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        pics = Files.createDirectories(media.resolve("pics"));
        Files.write(outside.resolve("secret.png"), TestMedia.encode(TestMedia.solid(40, 30, Color.GREEN), "png"));
        Files.write(pics.resolve("a.jpg"), TestMedia.jpeg(40, 30, Color.RED));
        Files.createSymbolicLink(pics.resolve("b.png"), outside.resolve("secret.png"));
        factory = Sources.defaultFactory(IngestPolicy.defaults().withMediaDirectory(media), new WebcamHub(WebcamLimits.defaults()));
        log = CapturedLog.of(Logger.getLogger("io.posegate.gateway.ingest"));
    }

    @AfterEach
    void tearDown() {
        log.close();
    }

    private FrameSource create(String folder, SourceSpec.Origin origin) {
        return factory.create(new SourceSpec("images:" + folder, origin, 0, 0, 0, Map.of("fps", "200")));
    }

    private static int framesOf(FrameSource s) throws IOException {
        s.open();
        int n = 0;
        while (s.read(new VideoFrame())) {
            n++;
        }
        return n;
    }

    @Test
    void aLinkToAPictureOutsideTheMediaDirectoryIsSkippedAndLoggedOnce() throws Exception {
        try (FrameSource s = create("pics", SourceSpec.Origin.API)) {
            assertEquals(1, framesOf(s), "only a.jpg is read");
            assertEquals(1, framesOf(s), "a second opening reads the same");
        }
        long warnings = log.messages().stream().filter(m -> m.contains("b.png") && m.contains("outside the media directory")).count();
        assertEquals(1, warnings, "the skipped link is logged once: " + log.messages());
        assertFalse(log.messages().stream().anyMatch(m -> m.contains("secret.png")), "the link's target is not named: " + log.messages());
    }

    @Test
    void aFolderOfOnlySuchLinksFailsSayingSo() throws Exception {
        Files.delete(pics.resolve("a.jpg"));
        try (FrameSource s = create("pics", SourceSpec.Origin.API)) {
            IOException e = assertThrows(IOException.class, s::open);
            assertEquals(OpaqueErrorSource.UNAVAILABLE, e.getMessage(), "the API sees the one message");
        }
        assertTrue(log.messages().stream().anyMatch(m -> m.contains("no picture inside the media directory")), log.messages().toString());
    }

    private FrameSource create(String folder, SourceSpec.Origin origin, boolean loop) {
        return factory.create(new SourceSpec("images:" + folder, origin, 0, 0, 0,
                Map.of("fps", "200", "loop", String.valueOf(loop))));
    }

    private void replaceWithLinkOutside(String name) throws IOException {
        Files.delete(pics.resolve(name));
        Files.createSymbolicLink(pics.resolve(name), dir.resolve("outside").resolve("secret.png"));
    }

    private static final int[] RED = {0, 0, 255};

    @Test
    void anEntryReplacedByALinkOutsideAfterOpeningIsNotRead() throws Exception {
        Files.write(pics.resolve("c.jpg"), TestMedia.jpeg(40, 30, Color.RED));
        try (FrameSource s = create("pics", SourceSpec.Origin.API, false)) {
            s.open();
            replaceWithLinkOutside("c.jpg");
            VideoFrame f = new VideoFrame();
            int n = 0;
            while (s.read(f)) {
                n++;
                assertTrue(TestMedia.close(f, RED, 40), "only the red pictures inside are read: " + TestMedia.describe(f));
            }
            assertEquals(1, n, "a.jpg alone is read; c.jpg now leads outside");
        }
        assertEquals(1, log.messages().stream().filter(m -> m.contains("c.jpg") && m.contains("no longer lies inside")).count(),
                log.messages().toString());
        assertFalse(log.messages().stream().anyMatch(m -> m.contains("secret.png")), "the link's target is not named: " + log.messages());
    }

    @Test
    void aLoopingSourceSkipsTheReplacedEntryEveryRoundAndLogsItOnce() throws Exception {
        Files.write(pics.resolve("c.jpg"), TestMedia.jpeg(40, 30, Color.RED));
        try (FrameSource s = create("pics", SourceSpec.Origin.API, true)) {
            s.open();
            replaceWithLinkOutside("c.jpg");
            VideoFrame f = new VideoFrame();
            for (int i = 0; i < 6; i++) {
                assertTrue(s.read(f));
                assertTrue(TestMedia.close(f, RED, 40), "round " + i + ": " + TestMedia.describe(f));
            }
            assertEquals(0, s.corruptFrames(), "a skipped link is no corrupt picture");
        }
        assertEquals(1, log.messages().stream().filter(m -> m.contains("c.jpg") && m.contains("no longer lies inside")).count(),
                log.messages().toString());
    }

    @Test
    void readingFailsOnceEveryEntryLeadsOutside() throws Exception {
        try (FrameSource s = create("pics", SourceSpec.Origin.API, true)) {
            s.open();
            replaceWithLinkOutside("a.jpg");
            IOException e = assertThrows(IOException.class, () -> s.read(new VideoFrame()));
            assertEquals(OpaqueErrorSource.UNAVAILABLE, e.getMessage(), "the API sees the one message");
        }
        assertTrue(log.messages().stream().anyMatch(m -> m.contains("no picture inside the media directory any more")), log.messages().toString());
    }

    @Test
    void theConfigFileMayFollowLinks() throws Exception {
        try (FrameSource s = create(pics.toString(), SourceSpec.Origin.CONFIG_FILE)) {
            assertEquals(2, framesOf(s));
        }
    }
}
