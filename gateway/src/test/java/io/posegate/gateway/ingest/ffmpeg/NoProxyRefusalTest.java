package io.posegate.gateway.ingest.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.SourceFactory;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.Sources;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import io.posegate.gateway.ingest.net.NoProxyVariables;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FFmpeg skips its {@code http_proxy} for hosts matched by {@code no_proxy} (lowercase only: it never reads
 * {@code NO_PROXY}), and with it the egress proxy's checks, so while {@code no_proxy} is set the API's proxied sources
 * (HTTP(S), MJPEG over HTTP(S), HLS through them) are refused naming the variable and how to start without it;
 * {@code NO_PROXY} alone changes nothing. The environment is injected, not the real one.
 */
class NoProxyRefusalTest {
    private static SourceFactory factory(Map<String, String> env) {
        return Sources.defaultFactory(IngestPolicy.defaults().withEnvironment(env::get), new WebcamHub(WebcamLimits.defaults()));
    }

    private static SourceSpec spec(String uri, SourceSpec.Origin origin) {
        return new SourceSpec(uri, origin, 0, 0, 0, Map.of());
    }

    @Test
    void proxiedSourcesFromTheApiAreRefusedWhileNoProxyIsSet() {
        for (Map<String, String> env : List.of(Map.of("no_proxy", "localhost"), Map.of("no_proxy", "*", "NO_PROXY", "*"))) {
            SourceFactory f = factory(env);
            for (String uri : new String[] {"http://camera.example.com/live.m3u8", "https://camera.example.com/v.mp4",
                    "mjpeg+http://camera.example.com/video", "mjpeg+https://camera.example.com/video"}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> f.create(spec(uri, SourceSpec.Origin.API)), uri);
                assertTrue(e.getMessage().contains("with no_proxy set") && e.getMessage().contains("env -u no_proxy java -jar")
                        && !e.getMessage().contains("NO_PROXY"), e.getMessage());
            }
        }
    }

    @Test
    void otherSourcesAndAnEmptyOrMissingVariableAreNotAffected() {
        SourceFactory withNoProxy = factory(Map.of("no_proxy", "localhost"));
        withNoProxy.create(spec("rtsp://camera.example.com/s", SourceSpec.Origin.API)).close();
        withNoProxy.create(spec("http://camera.example.com/live.m3u8", SourceSpec.Origin.CONFIG_FILE)).close();
        factory(Map.of("no_proxy", "")).create(spec("http://camera.example.com/live.m3u8", SourceSpec.Origin.API)).close();
        factory(Map.of()).create(spec("https://camera.example.com/v.mp4", SourceSpec.Origin.API)).close();
    }

    @Test
    void uppercaseNoProxyAloneIsAcceptedSinceFfmpegNeverReadsIt() {
        SourceFactory f = factory(Map.of("NO_PROXY", "*"));
        for (String uri : new String[] {"http://camera.example.com/live.m3u8", "https://camera.example.com/v.mp4",
                "mjpeg+http://camera.example.com/video", "mjpeg+https://camera.example.com/video"}) {
            f.create(spec(uri, SourceSpec.Origin.API)).close();
        }
    }

    @Test
    void theVariablesSetAreNamed() {
        assertEquals(List.of("no_proxy"), NoProxyVariables.setIn(Map.of("no_proxy", "a", "NO_PROXY", "b")::get));
        assertEquals(List.of(), NoProxyVariables.setIn(Map.of("NO_PROXY", "b")::get));
        assertEquals(List.of(), NoProxyVariables.warnIfSet(Map.of("no_proxy", "", "NO_PROXY", "*")::get));
    }
}
