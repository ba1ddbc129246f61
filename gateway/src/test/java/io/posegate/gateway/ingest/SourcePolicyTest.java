package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the HTTP API may and may not ask for; creating a source opens nothing, so these need no media. */
class SourcePolicyTest {
    @TempDir
    Path root;
    Path media;
    SourceFactory factory;

    @BeforeEach
    void setUp() throws Exception {
        media = Files.createDirectory(root.resolve("media"));
        Files.writeString(media.resolve("clip.mp4"), "x");
        Files.createDirectory(media.resolve("frames"));
        Files.writeString(root.resolve("secret.mp4"), "x");
        Files.createSymbolicLink(media.resolve("escape.mp4"), root.resolve("secret.mp4"));
        factory = Sources.defaultFactory(IngestPolicy.defaults().withMediaDirectory(media), new WebcamHub(WebcamLimits.defaults()));
    }

    private static SourceSpec api(String uri) {
        return new SourceSpec(uri, SourceSpec.Origin.API, 0, 0, 0, Map.of());
    }

    private String rejection(SourceSpec spec) {
        return assertThrows(IllegalArgumentException.class, () -> factory.create(spec)).getMessage();
    }

    @Test
    void pipeIsRefusedFromTheApi() {
        assertEquals("pipe: sources are accepted only from the local config file", rejection(api("pipe:cat /dev/zero")));
    }

    @Test
    void filesMustStayInsideTheMediaDirectory() {
        assertTrue(rejection(api("file:../secret.mp4")).contains("may not contain '..'"));
        assertTrue(rejection(api("file:frames/../../secret.mp4")).contains("may not contain '..'"));
        assertTrue(rejection(api("file:" + root.resolve("secret.mp4"))).contains("is not an available file in the media directory"));
        assertTrue(rejection(api("file:escape.mp4")).contains("is not an available file"), "a symlink out is refused");
        assertTrue(rejection(api("images:/etc")).contains("is not an available file"));
        assertTrue(rejection(api("file:missing.mp4")).contains("is not an available file"));
        factory.create(api("file:clip.mp4")).close();
        factory.create(api("file:" + media.resolve("clip.mp4"))).close();
        factory.create(api("images:frames")).close();
    }

    @Test
    void withoutAMediaDirectoryTheApiOpensNoFiles() {
        SourceFactory strict = Sources.defaultFactory(IngestPolicy.defaults(), new WebcamHub(WebcamLimits.defaults()));
        String msg = assertThrows(IllegalArgumentException.class, () -> strict.create(api("file:clip.mp4"))).getMessage();
        assertTrue(msg.contains("need a configured media directory"), msg);
    }

    @Test
    void aRejectedSourceIsQuotedWithItsPasswordMasked() {
        // a password holding '/' and a space: the error quotes the URI through Redaction.uri, not raw
        String msg = rejection(api("rtspx://admin:p/S3c ret@cam/s"));
        assertTrue(msg.contains("unknown source scheme in 'rtspx://admin:***@cam/s'"), msg);
        String demo = rejection(api("demo:?fps=2&token=S3cretTok"));
        assertTrue(demo.contains("demo:?fps=2&token=***") && !demo.contains("S3cretTok"), demo);
    }

    @Test
    void unknownSchemeListsTheKnownOnes() {
        String msg = rejection(api("gopher://cam"));
        assertTrue(msg.contains("unknown source scheme in 'gopher://cam'"), msg);
        for (String scheme : new String[] {"demo", "file", "http", "images", "mjpeg+http", "pipe", "rtmp", "rtsp", "v4l2", "webcam"}) {
            assertTrue(msg.contains(scheme), msg + " should list " + scheme);
        }
    }

    @Test
    void ffmpegOptionsAndBadDevicesAreRefusedFromTheApi() {
        SourceSpec withOption = new SourceSpec("rtsp://127.0.0.1/cam", SourceSpec.Origin.API, 0, 0, 0,
                Map.of("ffmpeg.protocol_whitelist", "file,rtsp"));
        assertEquals("option 'ffmpeg.protocol_whitelist' is accepted only from the local config file", rejection(withOption));
        assertTrue(rejection(api("v4l2:/etc/passwd")).contains("device must be /dev/videoN"));
        assertTrue(rejection(api("rtsp://cam/x#transport=http")).contains("'transport' must be tcp or udp"));
        assertTrue(rejection(api("file:clip.mp4#lop=true")).contains("unknown option 'lop'"));
        assertEquals(io.posegate.gateway.ingest.net.SourceAddressGuard.REFUSED, rejection(api("rtsp://user:pw@127.0.0.1:8554/cam")),
                "loopback is refused to the API by default");
        factory.create(new SourceSpec("rtsp://user:pw@127.0.0.1:8554/cam", SourceSpec.Origin.CONFIG_FILE, 0, 0, 0, Map.of())).close();
    }

    @Test
    void credentialsAreMaskedInDescriptionsAndErrors() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        FrameSource s = factory.create(SourceSpec.of("rtsp://admin:hunter2@127.0.0.1:" + closedPort + "/cam"));
        assertEquals("rtsp://admin:***@127.0.0.1:" + closedPort + "/cam", s.describe());
        String msg = assertThrows(java.io.IOException.class, s::open).getMessage();
        assertTrue(msg.contains("127.0.0.1:" + closedPort) && !msg.contains("hunter2"), msg);
        s.close();
    }
}
