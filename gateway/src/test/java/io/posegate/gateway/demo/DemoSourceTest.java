package io.posegate.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.VideoFrame;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DemoSourceTest {
    @Test
    void framesAreSceneFramesNumberedFromZeroAcrossReopens() throws Exception {
        DemoSource source = new DemoSource(SourceSpec.of("demo:?people=3&width=320&height=180&fps=240"));
        VideoFrame frame = new VideoFrame();
        long before = System.currentTimeMillis();
        source.open();
        for (long n = 0; n < 3; n++) {
            assertTrue(source.read(frame));
            assertEquals(n, frame.sequence());
            assertEquals(320, frame.width());
            assertEquals(180, frame.height());
            assertTrue(frame.captureEpochMillis() >= before, "capture time is epoch millis");
            assertTrue(frame.decodeMillis() >= 0);
            assertArrayEquals(source.scene().render(n), Arrays.copyOf(frame.bgr(), 320 * 180 * 3), "frame " + n);
        }
        source.close();
        assertFalse(source.read(frame), "read after close ends the stream");
        source.open();
        assertTrue(source.read(frame));
        assertEquals(3, frame.sequence(), "the count goes on after a reopen, like the supervisor's");
        assertArrayEquals(source.scene().render(3), Arrays.copyOf(frame.bgr(), 320 * 180 * 3));
        assertEquals(3, source.scene().peopleCount());
        source.close();
    }

    @Test
    void defaultsAndSpecFieldsApply() {
        DemoSource plain = new DemoSource(SourceSpec.of("demo:"));
        assertEquals(640, plain.scene().width());
        assertEquals(360, plain.scene().height());
        assertEquals(4, plain.scene().peopleCount());
        assertEquals(15.0, plain.fps());
        assertTrue(plain.describe().contains("demo"), plain.describe());
        DemoSource capped = new DemoSource(new SourceSpec("demo:", SourceSpec.Origin.API, 5, 800, 450, Map.of()));
        assertEquals(800, capped.scene().width());
        assertEquals(450, capped.scene().height());
        assertEquals(5.0, capped.fps());
    }

    @Test
    void badUrisNameTheParameter() {
        assertMessage("demo:?people=0", "people");
        assertMessage("demo:?people=x", "people");
        assertMessage("demo:?fps=-1", "fps");
        assertMessage("demo:?width=20", "width");
        assertMessage("demo:?colour=red", "colour");
        assertMessage("demo:?people", "people");
        assertMessage("demo:people=2", "demo:people=2");
    }

    private static void assertMessage(String uri, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DemoSource(SourceSpec.of(uri)));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void closeFromAnotherThreadEndsAPacedRead() throws Exception {
        DemoSource source = new DemoSource(SourceSpec.of("demo:?width=64&height=64&people=1&fps=0.01"));
        VideoFrame frame = new VideoFrame();
        source.open();
        assertTrue(source.read(frame), "the first frame is due at once");
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            try {
                return source.read(frame);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertFalse(second.isDone(), "the second frame waits 100 s for its turn");
        source.close();
        assertFalse(second.get(), "a read ended by close reports the end of the stream");
    }
}
