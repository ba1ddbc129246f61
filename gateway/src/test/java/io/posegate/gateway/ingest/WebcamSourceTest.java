package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.feeds.WebcamFeed;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import java.awt.Color;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code webcam:} frames pushed into the hub and read by the stream's source. */
class WebcamSourceTest {
    final WebcamHub hub = new WebcamHub(new WebcamLimits(64 * 1024, 640, 480, 1, 2));
    final SourceFactory factory = Sources.defaultFactory(IngestPolicy.defaults(), hub);

    @Test
    void pushedJpegComesOutDecodedAndScaled() throws Exception {
        FrameSource source = factory.create(new SourceSpec("webcam:lab", SourceSpec.Origin.API, 0, 80, 60, Map.of()));
        source.open();
        assertEquals(WebcamFeed.Verdict.ACCEPTED, hub.acquire("lab").submitJpeg(TestMedia.jpeg(160, 120, Color.GREEN)));
        VideoFrame f = new VideoFrame();
        assertTrue(source.read(f));
        assertEquals(80, f.width());
        assertEquals(60, f.height());
        assertTrue(TestMedia.close(f, new int[] {0, 255, 0}, 8), TestMedia.describe(f));
        source.close();
        assertTrue(!source.read(f), "a closed webcam source reports end of stream");
    }

    @Test
    void framesFasterThanTheRateLimitAreRefusedAndCounted() {
        WebcamFeed feed = hub.acquire("fast");
        assertEquals(WebcamFeed.Verdict.ACCEPTED, feed.submitJpeg(TestMedia.jpeg(16, 16, Color.RED)));
        assertEquals(WebcamFeed.Verdict.RATE_LIMITED, feed.submitJpeg(TestMedia.jpeg(16, 16, Color.RED)));
        assertEquals(1, feed.rateLimited());
    }

    @Test
    void theNumberOfFeedsIsBounded() {
        WebcamFeed first = hub.acquire("cam0");
        for (int i = 1; i < WebcamHub.MAX_FEEDS; i++) {
            hub.acquire("cam" + i);
        }
        assertTrue(hub.acquire("cam0") == first, "existing feeds are still found");
        Exception e = assertThrows(IllegalArgumentException.class, () -> hub.acquire("one-too-many"));
        assertTrue(e.getMessage().contains("too many webcam feeds"), e.getMessage());
        hub.release(first);
        hub.release(first);
        assertTrue(hub.acquire("one-too-many") != null, "a feed nobody holds makes room");
    }

    @Test
    void aFeedNobodyHoldsIsDropped() {
        WebcamFeed a = hub.acquire("lab");
        assertTrue(hub.acquire("lab") == a);
        hub.release(a);
        assertEquals(1, hub.size(), "still held once");
        hub.release(a);
        assertEquals(0, hub.size());
        assertTrue(hub.acquire("lab") != a, "a new feed next time");
    }

    @Test
    void whenTheLastFeedingSocketClosesTheReadFailsOnceThenWaitsForABrowser() throws Exception {
        FrameSource source = factory.create(new SourceSpec("webcam:lab", SourceSpec.Origin.API, 0, 80, 60, Map.of()));
        source.open();
        WebcamFeed socket = hub.acquire("lab");
        socket.feederJoined();
        socket.submitJpeg(TestMedia.jpeg(160, 120, Color.GREEN));
        VideoFrame f = new VideoFrame();
        assertTrue(source.read(f));
        socket.feederLeft();
        hub.release(socket);
        java.io.IOException gone = assertThrows(java.io.IOException.class, () -> source.read(f));
        assertTrue(gone.getMessage().contains("went away"), gone.getMessage());
        source.close();
        assertEquals(0, hub.size(), "nobody holds the feed between attempts");

        source.open(); // the supervisor's next attempt: waits for a browser, no error
        WebcamFeed next = hub.acquire("lab");
        next.feederJoined();
        next.submitJpeg(TestMedia.jpeg(160, 120, Color.GREEN));
        assertTrue(source.read(f), "frames from a new browser are read");
        source.close();
    }

    @Test
    void aNameTheWebSocketCannotFeedIsRefused() {
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> factory.create(SourceSpec.of("webcam:bad name")));
        assertTrue(e.getMessage().contains("must match"), e.getMessage());
    }

    @Test
    void oversizedBytesAreRefused() {
        byte[] big = new byte[64 * 1024 + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        Exception e = assertThrows(IllegalArgumentException.class, () -> hub.acquire("x").submitJpeg(big));
        assertTrue(e.getMessage().contains("exceeds the limit of 65536 bytes"), e.getMessage());
    }

    @Test
    void dimensionsAreCheckedFromTheHeaderBeforeDecoding() {
        // A valid SOF0 header declaring 30000x20000, followed by no image data at all: decoding it would
        // fail differently (or allocate 1.8 GB); the header check must refuse it first.
        byte[] forged = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8,
                (byte) (20000 >> 8), (byte) (20000 & 0xFF), (byte) (30000 >> 8), (byte) (30000 & 0xFF), 1, 1, 0x11, 0};
        Exception e = assertThrows(IllegalArgumentException.class, () -> hub.acquire("x").submitJpeg(forged));
        assertTrue(e.getMessage().contains("30000x20000 is outside the limit of 640x480"), e.getMessage());
        Exception notJpeg = assertThrows(IllegalArgumentException.class,
                () -> hub.acquire("x").submitJpeg(TestMedia.encode(TestMedia.solid(8, 8, Color.RED), "png")));
        assertTrue(notJpeg.getMessage().contains("not a JPEG"), notJpeg.getMessage());
    }

    @Test
    void aJpegThatDoesNotDecodeIsSkippedAndCounted() throws Exception {
        byte[] good = TestMedia.jpeg(32, 32, Color.BLUE);
        byte[] broken = cutAfterSof(good);
        WebcamHub fast = new WebcamHub(new WebcamLimits(64 * 1024, 640, 480, 1000, 4));
        FrameSource viaFast = Sources.defaultFactory(IngestPolicy.defaults(), fast).create(SourceSpec.of("webcam:"));
        viaFast.open();
        fast.acquire("").submitJpeg(broken);
        Thread.sleep(5);
        fast.acquire("webcam").submitJpeg(good);
        VideoFrame f = new VideoFrame();
        assertTrue(viaFast.read(f));
        assertTrue(TestMedia.close(f, new int[] {255, 0, 0}, 8), TestMedia.describe(f));
        assertEquals(1, viaFast.corruptFrames());
        viaFast.close();
    }

    /** The JPEG up to the end of its SOF0 segment: its header is fine, but there is no picture to decode. */
    static byte[] cutAfterSof(byte[] jpeg) {
        for (int i = 2; i + 3 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                int len = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
                return java.util.Arrays.copyOf(jpeg, i + 2 + len);
            }
        }
        throw new IllegalStateException("no SOF0 in the test JPEG");
    }
}
