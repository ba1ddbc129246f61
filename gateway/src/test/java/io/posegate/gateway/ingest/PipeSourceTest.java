package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pipe:COMMAND} with real child processes: a shell cat-ing JPEGs, raw bgr24, and ffmpeg. */
class PipeSourceTest {
    @TempDir
    Path dir;
    final SourceFactory factory = Sources.defaultFactory(IngestPolicy.defaults(), new WebcamHub(WebcamLimits.defaults()));

    private FrameSource open(String command, Map<String, String> options) throws IOException {
        FrameSource s = factory.create(new SourceSpec("pipe:" + command, SourceSpec.Origin.CONFIG_FILE, 0, 0, 0, options));
        s.open();
        return s;
    }

    @Test
    void readsMjpegFromAShellLoopAndFailsWhenTheCommandExits() throws Exception {
        Files.write(dir.resolve("1.jpg"), TestMedia.jpeg(48, 32, Color.RED));
        Files.write(dir.resolve("2.jpg"), TestMedia.jpeg(48, 32, Color.BLUE));
        String command = "for i in 1 2 3; do cat '" + dir + "'/1.jpg '" + dir + "'/2.jpg; done; echo camera gone >&2; exit 3";
        try (FrameSource s = open(command, Map.of())) {
            VideoFrame f = new VideoFrame();
            for (int i = 0; i < 6; i++) {
                assertTrue(s.read(f));
                assertEquals(48, f.width());
                int[] expected = i % 2 == 0 ? new int[] {0, 0, 255} : new int[] {255, 0, 0};
                assertTrue(TestMedia.close(f, expected, 8), "frame " + i + ": " + TestMedia.describe(f));
            }
            IOException e = assertThrows(IOException.class, () -> s.read(f));
            assertTrue(e.getMessage().contains("code 3") && e.getMessage().contains("camera gone"), e.getMessage());
        }
    }

    @Test
    void aJpegFrameWhoseHeaderIsTooLargeFailsTheReadUndecodedNamingItsSize() throws Exception {
        Path huge = Files.write(dir.resolve("huge.jpg"), OversizedPictures.jpeg(20000, 20000));
        try (FrameSource s = open("cat '" + huge + "'", Map.of())) {
            IOException e = assertThrows(IOException.class, () -> s.read(new VideoFrame()));
            assertTrue(e.getMessage().contains("20000x20000"), e.getMessage());
        }
    }

    @Test
    void aSmallerPixelLimitInThePolicyRefusesAFrameTheDefaultAdmits() throws Exception {
        Path frame = Files.write(dir.resolve("1.jpg"), TestMedia.jpeg(48, 32, Color.RED));
        try (FrameSource s = open("cat '" + frame + "'", Map.of())) {
            assertTrue(s.read(new VideoFrame()), "the default limit admits 48x32");
        }
        SourceFactory limited = Sources.defaultFactory(IngestPolicy.defaults().withPictures(new PictureLimit(8192, 1000)),
                new WebcamHub(WebcamLimits.defaults()));
        try (FrameSource s = limited.create(new SourceSpec("pipe:cat '" + frame + "'", SourceSpec.Origin.CONFIG_FILE, 0, 0, 0, Map.of()))) {
            s.open();
            IOException e = assertThrows(IOException.class, () -> s.read(new VideoFrame()));
            assertTrue(e.getMessage().contains("48x32") && e.getMessage().contains("1000 pixels in all"), e.getMessage());
        }
    }

    @Test
    void readsRawBgr24FramesOfTheGivenSize() throws Exception {
        byte[] raw = new byte[4 * 2 * 3 * 2];
        for (int i = 0; i < raw.length; i += 3) {
            boolean second = i >= raw.length / 2;
            raw[i] = (byte) (second ? 200 : 10);
            raw[i + 1] = 20;
            raw[i + 2] = (byte) (second ? 10 : 200);
        }
        Path file = Files.write(dir.resolve("frames.bgr"), raw);
        try (FrameSource s = open("cat '" + file + "'", Map.of("format", "bgr24", "size", "4x2"))) {
            VideoFrame f = new VideoFrame();
            assertTrue(s.read(f));
            assertEquals(4, f.width());
            assertEquals(2, f.height());
            assertTrue(TestMedia.close(f, new int[] {10, 20, 200}, 0.01), TestMedia.describe(f));
            assertTrue(s.read(f));
            assertTrue(TestMedia.close(f, new int[] {200, 20, 10}, 0.01), TestMedia.describe(f));
            assertThrows(IOException.class, () -> s.read(f));
        }
    }

    @Test
    void readsMjpegFromFfmpeg() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "ffmpeg is not installed (.ci/install-packages.sh installs it)");
        String command = "ffmpeg -loglevel error -f lavfi -i color=c=blue:size=96x64:rate=25 -frames:v 30 -f mjpeg -";
        try (FrameSource s = open(command, Map.of())) {
            VideoFrame f = new VideoFrame();
            for (int i = 0; i < 30; i++) {
                assertTrue(s.read(f), "frame " + i);
            }
            assertEquals(96, f.width());
            assertEquals(64, f.height());
            assertTrue(TestMedia.close(f, new int[] {255, 0, 0}, 12), TestMedia.describe(f));
        }
    }

    @Test
    void readsMjpegFromAGstLaunchPipelineShapedLikeTheJetsonRecipe() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gst-launch-1.0")),
                "gst-launch-1.0 is not installed (.ci/install-packages.sh installs it)");
        // The Jetson CSI recipe with software stand-ins: videotestsrc for nvarguscamerasrc, jpegenc for nvjpegenc.
        String command = "gst-launch-1.0 -q videotestsrc num-buffers=20 ! 'video/x-raw,width=320,height=240,framerate=30/1'"
                + " ! jpegenc ! fdsink fd=1";
        try (FrameSource s = open(command, Map.of())) {
            VideoFrame f = new VideoFrame();
            for (int i = 0; i < 20; i++) {
                assertTrue(s.read(f), "frame " + i);
                assertEquals(320, f.width());
                assertEquals(240, f.height());
            }
            assertThrows(IOException.class, () -> s.read(f), "the pipeline's end is a failure to restart from");
        }
    }

    @Test
    void closeStopsALongRunningCommand() throws Exception {
        Files.write(dir.resolve("1.jpg"), TestMedia.jpeg(16, 16, Color.RED));
        FrameSource s = open("while true; do cat '" + dir + "'/1.jpg; sleep 0.05; done", Map.of());
        VideoFrame f = new VideoFrame();
        assertTrue(s.read(f));
        s.close();
        assertThrows(IOException.class, () -> {
            while (s.read(f)) {
                // drain what was already in the pipe
            }
        });
    }

    @Test
    void badRawSizeIsRejectedNamingTheOption() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> factory.create(
                new SourceSpec("pipe:cat x", SourceSpec.Origin.CONFIG_FILE, 0, 0, 0, Map.of("format", "bgr24", "size", "4by2"))));
        assertTrue(e.getMessage().contains("'size'"), e.getMessage());
    }
}
