package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code http://} streams through FFmpeg from a real HTTP server on 127.0.0.1, and the protocol whitelist
 * that keeps a playlist from an API-supplied URL from reading local files.
 */
class HttpStreamSourceTest {
    @TempDir
    Path dir;
    HttpServer server;
    Path segment;
    /** The test server is on loopback, which sources from the API reach only because the config allows it here. */
    final SourceFactory factory = Sources.defaultFactory(IngestPolicy.defaults()
            .withNetwork(io.posegate.gateway.ingest.net.NetworkPolicy.allowing(java.util.List.of("127.0.0.0/8"))),
            new WebcamHub(WebcamLimits.defaults()));

    @BeforeEach
    void serve() throws IOException {
        segment = TestMedia.encodeVideo(dir.resolve("seg.ts"), "mpegts", 160, 120, 20, 25);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/seg.ts", ex -> send(ex, Files.readAllBytes(segment), "video/mp2t"));
        server.createContext("/remote.m3u8", ex -> send(ex, playlist(base() + "/seg.ts"), "application/vnd.apple.mpegurl"));
        server.createContext("/local.m3u8", ex -> send(ex, playlist("file:" + segment), "application/vnd.apple.mpegurl"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static byte[] playlist(String segmentUrl) {
        return ("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:0.8,\n"
                + segmentUrl + "\n#EXT-X-ENDLIST\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, byte[] body, String type) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void readsAnMpegTsStreamOverHttp() throws Exception {
        try (FrameSource s = factory.create(new SourceSpec(base() + "/seg.ts", SourceSpec.Origin.API, 0, 0, 0, java.util.Map.of()))) {
            s.open();
            VideoFrame f = new VideoFrame();
            for (int i = 0; i < 10; i++) {
                assertTrue(s.read(f), "frame " + i);
                assertEquals(160, f.width());
                assertTrue(TestMedia.close(f, TestMedia.bgrOf(i), 8), "frame " + i + ": " + TestMedia.describe(f));
            }
        }
    }

    @Test
    void aPlaylistOfHttpSegmentsPlays() throws Exception {
        try (FrameSource s = factory.create(new SourceSpec(base() + "/remote.m3u8", SourceSpec.Origin.API, 0, 0, 0, java.util.Map.of()))) {
            s.open();
            VideoFrame f = new VideoFrame();
            assertTrue(s.read(f));
            assertEquals(120, f.height());
        }
    }

    @Test
    void aPlaylistPointingAtALocalFileIsStoppedByTheProtocolWhitelist() throws Exception {
        try (FrameSource s = factory.create(new SourceSpec(base() + "/local.m3u8", SourceSpec.Origin.API, 0, 0, 0, java.util.Map.of()))) {
            assertThrows(IOException.class, () -> {
                s.open();
                VideoFrame f = new VideoFrame();
                while (s.read(f)) {
                    // a frame here would mean the local file was read
                    throw new AssertionError("a local file was read through an HTTP playlist");
                }
            });
        }
        // Control: with 'file' added to the whitelist (possible only from the config file) the same playlist plays,
        // so it is the whitelist that stopped it above.
        SourceSpec trusted = new SourceSpec(base() + "/local.m3u8", SourceSpec.Origin.CONFIG_FILE, 0, 0, 0,
                java.util.Map.of("ffmpeg.protocol_whitelist", "file,http,https,tcp,tls,crypto"));
        try (FrameSource s = factory.create(trusted)) {
            s.open();
            VideoFrame f = new VideoFrame();
            assertTrue(s.read(f));
            assertTrue(TestMedia.close(f, TestMedia.bgrOf(0), 8), TestMedia.describe(f));
        }
    }
}
