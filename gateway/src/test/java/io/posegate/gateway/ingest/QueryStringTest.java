package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one parameter parser, and the one way sources are registered. */
class QueryStringTest {
    @Test
    void splitsPairsAtTheFirstEqualsKeepingOrderAndRepeats() {
        assertEquals(List.of(new QueryString.Param("a", "1"), new QueryString.Param("b", null), new QueryString.Param("c", "x=y"),
                new QueryString.Param("", "5"), new QueryString.Param("a", "2")), QueryString.parse("a=1&&b& &c=x=y&=5&a=2"));
        assertEquals(List.of(), QueryString.parse(null));
        assertEquals(List.of(), QueryString.parse(""));
    }

    @Test
    void mapsWithALaterRepeatWinningAndBareKeysAsGivenOrRefused() {
        assertEquals(Map.of("loop", "true", "fps", "5"), QueryString.toMap("loop&fps=2&fps=5", "true", "file"));
        IllegalArgumentException bare = assertThrows(IllegalArgumentException.class, () -> QueryString.toMap("people=2&bar", null, "demo URI"));
        assertEquals("demo URI: parameter 'bar' is not key=value", bare.getMessage());
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class, () -> QueryString.toMap("=3", null, "demo URI"));
        assertTrue(noKey.getMessage().contains("'=3'"), noKey.getMessage());
    }

    @Test
    void everySourceSchemeIsRegisteredThroughTheProviders() {
        SourceFactory f = Sources.defaultFactory(IngestPolicy.defaults(), new WebcamHub(WebcamLimits.defaults()));
        assertTrue(f.schemes().containsAll(List.of("demo", "file", "images", "pipe", "rtsp", "webcam", "mjpeg+http")), f.schemes().toString());
        assertTrue(f.create(SourceSpec.of("demo:?people=2")).describe().contains("2 simulated people"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.create(SourceSpec.of("nope:x")));
        assertTrue(e.getMessage().contains("known: ") && e.getMessage().contains("demo"), e.getMessage());
    }
}
