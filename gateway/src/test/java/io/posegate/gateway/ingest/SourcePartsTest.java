package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** URI options, target sizes and the frame-rate cap. */
class SourcePartsTest {

    @Test
    void fragmentOptionsAreParsedAndSpecOptionsWin() {
        SourceUri u = SourceUri.parse(new SourceSpec("file:/v/a.mp4#loop=true&pace=fast", SourceSpec.Origin.CONFIG_FILE, 0, 0, 0,
                Map.of("pace", "native")));
        assertEquals("file", u.scheme());
        assertEquals("/v/a.mp4", u.body());
        assertTrue(u.flag("loop", false));
        assertEquals("native", u.option("pace", "?"));
        assertEquals("file:/v/a.mp4", u.withoutFragment());
    }

    @Test
    void pipeCommandsKeepTheirHashes() {
        SourceUri u = SourceUri.parse(SourceSpec.of("pipe:echo a#b"));
        assertEquals("echo a#b", u.body());
        assertTrue(u.options().isEmpty());
    }

    @Test
    void badFlagNamesTheOption() {
        SourceUri u = SourceUri.parse(SourceSpec.of("file:x#loop=maybe"));
        Exception e = assertThrows(IllegalArgumentException.class, () -> u.flag("loop", false));
        assertTrue(e.getMessage().contains("'loop'"), e.getMessage());
    }

    @Test
    void targetSizeFollowsTheAspectRatioWhenOneSideIsGiven() {
        assertEquals(1920, new TargetSize(0, 0).widthFor(1920, 1080));
        assertEquals(144, new TargetSize(256, 0).heightFor(1920, 1080));
        assertEquals(640, new TargetSize(0, 360).widthFor(1920, 1080));
        assertEquals(100, new TargetSize(300, 100).heightFor(1920, 1080));
    }

    @Test
    void capAdmitsOneFrameThenRefusesAnImmediateSecond() {
        FrameRateCap cap = new FrameRateCap(1);
        assertTrue(cap.admit());
        assertFalse(cap.admit());
        FrameRateCap none = new FrameRateCap(0);
        assertTrue(none.admit());
        assertTrue(none.admit());
    }
}
