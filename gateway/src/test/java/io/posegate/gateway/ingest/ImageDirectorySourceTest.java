package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import io.posegate.gateway.launch.GatewayLauncher;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code images:DIR} on PNG and JPEG files written by the test. */
class ImageDirectorySourceTest {
    @TempDir
    Path dir;
    final SourceFactory factory = Sources.defaultFactory(IngestPolicy.defaults(), new WebcamHub(WebcamLimits.defaults()));

    @BeforeEach
    void writeImages() throws Exception {
        Files.write(dir.resolve("b.png"), TestMedia.encode(TestMedia.solid(40, 30, Color.GREEN), "png"));
        Files.write(dir.resolve("a.jpg"), TestMedia.jpeg(40, 30, Color.RED));
        Files.write(dir.resolve("c.png"), TestMedia.encode(TestMedia.solid(40, 30, Color.BLUE), "png"));
        Files.writeString(dir.resolve("notes.txt"), "not an image");
    }

    private FrameSource open(String options) throws Exception {
        FrameSource s = factory.create(new SourceSpec("images:" + dir + options, SourceSpec.Origin.CONFIG_FILE, 0, 0, 0,
                Map.of("fps", "200")));
        s.open();
        return s;
    }

    @Test
    void readsImagesInNameOrderThenEnds() throws Exception {
        try (FrameSource s = open("")) {
            VideoFrame f = new VideoFrame();
            int[][] expected = {{0, 0, 255}, {0, 255, 0}, {255, 0, 0}};
            for (int[] bgr : expected) {
                assertTrue(s.read(f));
                assertEquals(40, f.width());
                assertEquals(30, f.height());
                assertTrue(TestMedia.close(f, bgr, 8), TestMedia.describe(f));
            }
            assertFalse(s.read(f));
        }
    }

    @Test
    void loopsAndSkipsFilesThatDoNotDecode() throws Exception {
        Files.write(dir.resolve("bb.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        try (FrameSource s = open("#loop=true")) {
            VideoFrame f = new VideoFrame();
            for (int i = 0; i < 7; i++) {
                assertTrue(s.read(f));
            }
            assertTrue(TestMedia.close(f, new int[] {0, 0, 255}, 8), "7th frame wraps to a.jpg: " + TestMedia.describe(f));
            assertEquals(2, s.corruptFrames());
        }
    }

    @Test
    void aPictureWhoseHeaderIsTooLargeIsSkippedUndecodedAndNamedWithItsSize() throws Exception {
        Files.write(dir.resolve("bb.png"), OversizedPictures.png(20000, 20000));
        try (FrameSource s = open("")) {
            VideoFrame f = new VideoFrame();
            for (int i = 0; i < 3; i++) {
                assertTrue(s.read(f), "the files that are fine still play");
            }
            assertFalse(s.read(f));
            assertEquals(1, s.corruptFrames());
        }
        Path huge = Files.createDirectory(dir.resolve("huge"));
        Files.write(huge.resolve("huge.png"), OversizedPictures.png(20000, 20000));
        FrameSource only = factory.create(new SourceSpec("images:" + huge, SourceSpec.Origin.CONFIG_FILE, 0, 0, 0, Map.of("fps", "200")));
        only.open();
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> only.read(new VideoFrame()));
        assertTrue(e.getMessage().contains("huge.png") && e.getMessage().contains("20000x20000"), e.getMessage());
    }

    @Test
    void aSmallerLimitFromTheConfigRefusesPicturesTheDefaultAdmits() throws Exception {
        try (FrameSource s = open("")) {
            assertTrue(s.read(new VideoFrame()), "the default limit admits 40x30");
        }
        GatewayConfig config = GatewayConfigs.parse(new JsonObject().put("sources", new JsonObject().put("maxPictureSide", 32)), dir);
        SourceFactory limited = GatewayLauncher.sources(config, new WebcamHub(WebcamLimits.defaults()));
        try (FrameSource s = limited.create(new SourceSpec("images:" + dir, SourceSpec.Origin.CONFIG_FILE, 0, 0, 0,
                Map.of("fps", "200")))) {
            s.open();
            java.io.IOException e = assertThrows(java.io.IOException.class, () -> s.read(new VideoFrame()));
            assertTrue(e.getMessage().contains("40x30") && e.getMessage().contains("limit of 32 pixels a side"), e.getMessage());
            assertEquals(3, s.corruptFrames(), "each of the three pictures skipped undecoded");
        }
    }

    @Test
    void emptyDirectoryFailsNamingIt() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        FrameSource s = factory.create(SourceSpec.of("images:" + empty));
        Exception e = assertThrows(java.io.IOException.class, s::open);
        assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
    }
}
