package io.posegate.gateway.ingest.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.net.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Over UDP an RTSP server directs FFmpeg's RTP/RTCP packets (its {@code Transport} header's {@code source=}), so from
 * the API {@code transport=udp} is refused, naming the option and why, unless the camera's host is itself on
 * {@code sources.allow}; API sources otherwise get {@code rtsp_transport=tcp}. The config file may choose UDP.
 */
class RtspUdpFromApiTest {
    private static final IngestPolicy ALLOWING = IngestPolicy.defaults()
            .withNetwork(NetworkPolicy.allowing(List.of("camera.lan", "192.168.1.0/24")));

    private static SourceSpec spec(String uri, SourceSpec.Origin origin) {
        return new SourceSpec(uri, origin, 0, 0, 0, Map.of());
    }

    private static String transportOf(String uri, SourceSpec.Origin origin, IngestPolicy policy) {
        return FfmpegInputs.of(spec(uri, origin), policy).options().get("rtsp_transport");
    }

    @Test
    void udpFromTheApiIsRefusedNamingTheOptionAndWhy() {
        for (String uri : new String[] {"rtsp://camera.example.com/s#transport=udp", "rtsps://camera.example.com/s#transport=udp",
                "rtsp://192.168.1.20/s#transport=udp", "rtsp://camera.lan/s#transport=udp"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> FfmpegInputs.of(spec(uri, SourceSpec.Origin.API), IngestPolicy.defaults()), uri);
            assertTrue(e.getMessage().contains("transport=udp") && e.getMessage().contains("RTP/RTCP")
                    && e.getMessage().contains("sources.allow"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> FfmpegInputs.of(spec("rtsp://10.0.0.9/s#transport=udp",
                SourceSpec.Origin.API), ALLOWING), "10.0.0.9 is outside the allowed range");
    }

    @Test
    void apiSourcesRunOverTcp() {
        assertEquals("tcp", transportOf("rtsp://camera.example.com/s", SourceSpec.Origin.API, IngestPolicy.defaults()));
        assertEquals("tcp", transportOf("rtsp://camera.example.com/s#transport=tcp", SourceSpec.Origin.API, IngestPolicy.defaults()));
    }

    @Test
    void udpIsAcceptedForAHostOnTheAllowListAndFromTheConfigFile() {
        assertEquals("udp", transportOf("rtsp://camera.lan/s#transport=udp", SourceSpec.Origin.API, ALLOWING));
        assertEquals("udp", transportOf("rtsp://CAMERA.lan./s#transport=udp", SourceSpec.Origin.API, ALLOWING));
        assertEquals("udp", transportOf("rtsp://user:pw@192.168.1.20:8554/s#transport=udp", SourceSpec.Origin.API, ALLOWING));
        assertEquals("udp", transportOf("rtsp://camera.example.com/s#transport=udp", SourceSpec.Origin.CONFIG_FILE,
                IngestPolicy.defaults()));
    }
}
