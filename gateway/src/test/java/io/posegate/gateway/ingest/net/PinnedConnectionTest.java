package io.posegate.gateway.ingest.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.OpaqueErrorSource;
import io.posegate.gateway.ingest.SourceFactory;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.Sources;
import io.posegate.gateway.ingest.TestVideo;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API network sources through real FFmpeg against real HTTP servers on two loopback addresses:
 * 127.0.0.1 stands for an allowed camera, 127.0.0.2 for an internal service that must never be reached.
 * Host names are answered by a test double of DNS ({@link HostResolver}), so the rebinding attacker's
 * changing answers can be played; names under {@code .test} do not resolve in real DNS, so a read that
 * works proves FFmpeg connected to the address the guard pinned, not to one it looked up itself.
 */
class PinnedConnectionTest {
    @TempDir
    Path dir;
    LoopbackHttp camera;
    LoopbackHttp internal;

    @BeforeEach
    void serve() throws IOException {
        byte[] ts = Files.readAllBytes(TestVideo.mpegTs(dir.resolve("seg.ts")));
        camera = new LoopbackHttp("127.0.0.1", ts, "video/mp2t");
        internal = new LoopbackHttp("127.0.0.2", ts, "video/mp2t");
    }

    @AfterEach
    void stop() {
        camera.close();
        internal.close();
    }

    private static SourceFactory factory(HostResolver dns) {
        NetworkPolicy policy = NetworkPolicy.allowing(List.of("127.0.0.1")).withResolver(dns);
        return Sources.defaultFactory(IngestPolicy.defaults().withNetwork(policy), new WebcamHub(WebcamLimits.defaults()));
    }

    private static SourceSpec api(String uri) {
        return new SourceSpec(uri, SourceSpec.Origin.API, 0, 0, 0, Map.of());
    }

    @Test
    void aNamedHostIsConnectedAtTheCheckedAddressWithTheNameInTheHostHeader() throws Exception {
        HostResolver dns = host -> List.of(InetAddress.getByName("127.0.0.1"));
        String url = "http://cam.test:" + camera.port() + "/seg.ts";
        try (FrameSource s = factory(dns).create(api(url))) {
            s.open();
            VideoFrame f = new VideoFrame();
            assertTrue(s.read(f));
            assertEquals(160, f.width());
        }
        assertTrue(camera.requests.contains("/seg.ts Host: cam.test:" + camera.port()), camera.requests.toString());
        assertEquals(List.of(), internal.requests);
    }

    @Test
    void dnsRebindingToAnInternalAddressIsRefusedAndNeverConnected() throws Exception {
        AtomicBoolean rebound = new AtomicBoolean();
        HostResolver rebinding = host -> List.of(InetAddress.getByName(rebound.get() ? "127.0.0.2" : "127.0.0.1"));
        String url = "http://rebind.test:" + camera.port() + "/seg.ts";
        try (FrameSource s = factory(rebinding).create(api(url))) {
            s.open();
            assertTrue(s.read(new VideoFrame()), "first answer: the allowed camera");
            s.close();
            rebound.set(true);
            IOException e = assertThrows(IOException.class, s::open);
            assertTrue(e instanceof SourceRefusedException, "refusal is final: " + e);
            assertEquals(SourceAddressGuard.REFUSED, e.getMessage());
        }
        assertEquals(List.of(), internal.requests, "the internal service was never contacted");
    }

    @Test
    void aNameWithOneInternalAddressAmongSeveralIsRefused() throws Exception {
        HostResolver mixed = host -> List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2"));
        try (FrameSource s = factory(mixed).create(api("http://mixed.test:" + internal.port() + "/seg.ts"))) {
            assertThrows(SourceRefusedException.class, s::open);
        }
        assertEquals(List.of(), internal.requests);
        assertEquals(List.of(), camera.requests);
    }

    @Test
    void anHlsPlaylistWhoseSegmentIsOnAnInternalAddressDoesNotReachIt() throws Exception {
        String playlist = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:0.8,\n"
                + internal.base() + "/seg.ts\n#EXT-X-ENDLIST\n";
        try (LoopbackHttp lists = new LoopbackHttp("127.0.0.1", playlist.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                "application/vnd.apple.mpegurl");
             FrameSource s = factory(HostResolver.SYSTEM).create(api(lists.base() + "/list.m3u8"))) {
            assertThrows(IOException.class, () -> {
                s.open();
                while (s.read(new VideoFrame())) {
                    throw new AssertionError("a frame came from the internal segment");
                }
            });
            assertFalse(lists.requests.isEmpty(), "the playlist itself was fetched");
        }
        assertEquals(List.of(), internal.requests, "the internal segment was never requested");
    }

    @Test
    void anHttpRedirectToAnInternalAddressIsNotFollowed() throws Exception {
        String target = internal.base() + "/seg.ts";
        String url = camera.base() + "/start?to=" + target;
        try (FrameSource s = factory(HostResolver.SYSTEM).create(api(url))) {
            IOException e = assertThrows(IOException.class, () -> {
                s.open();
                s.read(new VideoFrame());
            }, () -> "camera " + camera.requests + " internal " + internal.requests);
            assertEquals(OpaqueErrorSource.UNAVAILABLE, e.getMessage());
        }
        assertFalse(camera.requests.isEmpty(), "the first URL was fetched");
        assertEquals(List.of(), internal.requests, "the redirect was not followed");
        // Control: the same URL from the trusted config file follows the redirect, so the server really redirects.
        SourceSpec trusted = new SourceSpec(url, SourceSpec.Origin.CONFIG_FILE, 0, 0, 0, Map.of());
        try (FrameSource s = factory(HostResolver.SYSTEM).create(trusted)) {
            s.open();
            assertTrue(s.read(new VideoFrame()));
        }
        assertEquals(1, internal.requests.size(), internal.requests.toString());
    }
}
