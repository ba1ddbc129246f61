package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.ffmpeg.FfmpegInput;
import io.posegate.gateway.ingest.ffmpeg.FfmpegSource;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import io.posegate.gateway.pipeline.FrameSlot;
import io.posegate.gateway.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoding never works for nothing: a {@code pace=fast} file is decoded on demand, and a live input
 * converts (colour conversion and scaling) only the frames that will be used. Frames and conversions are
 * counted; nothing here depends on timing.
 */
class DecodeOnDemandTest {
    private static final int FRAMES = 20;
    @TempDir
    static Path dir;
    static Path video;

    @BeforeAll
    static void encode() {
        video = TestMedia.encodeVideo(dir.resolve("colours.mp4"), 320, 240, FRAMES, 25);
    }

    @Test
    void aFastFileDecodesOnlyTheFramesThatAreProcessedPlusTheOneInFlight() throws Exception {
        SourceFactory factory = Sources.defaultFactory(IngestPolicy.defaults(), new WebcamHub(WebcamLimits.defaults()));
        FfmpegSource source = (FfmpegSource) factory.create(SourceSpec.of("file:" + video + "#loop=true&pace=fast"));
        FrameSlot slot = new FrameSlot(() -> { });
        SourceSupervisor supervisor = new SourceSupervisor("fast", source, slot, SourceSupervisor.Backoff.defaults(), s -> { });
        supervisor.start();
        try {
            int processed = 0;
            while (processed < 3 * FRAMES) {
                VideoFrame frame = nextFrame(slot);
                assertTrue(TestMedia.close(frame, TestMedia.bgrOf(processed % FRAMES), 6),
                        "frame " + processed + " is the next frame of the file: " + TestMedia.describe(frame));
                slot.recycle(frame);
                processed++;
                // in flight: at most one frame, either waiting in the slot or being decoded
                long decoded = source.framesDecoded();
                assertTrue(decoded <= processed + 1, "decoded " + decoded + " frames for " + processed + " processed");
            }
            assertEquals(0, slot.dropped(), "no frame of a fast file is decoded only to be dropped");
            // the source may be between decoding and converting the next frame (the one in flight)
            long decoded = source.framesDecoded();
            long converted = source.framesConverted();
            assertTrue(converted <= decoded && decoded <= converted + 1,
                    "every decoded frame is converted, but for the one in flight: decoded " + decoded + ", converted " + converted);
        } finally {
            supervisor.close();
            assertTrue(supervisor.awaitTermination(Await.PATIENCE));
        }
    }

    @Test
    void aLiveFrameThatWouldLandOnAFullSlotIsNeverConverted() throws Exception {
        FfmpegSource source = liveSource(0);
        FrameSlot slot = new FrameSlot(() -> { });
        SourceSupervisor supervisor = new SourceSupervisor("live", source, slot, SourceSupervisor.Backoff.defaults(), s -> { });
        supervisor.start();
        Await.until(() -> source.framesDecoded() >= 2 * FRAMES, Await.PATIENCE, () -> "40 frames decoded, got " + source.framesDecoded());
        supervisor.close();
        assertTrue(supervisor.awaitTermination(Await.PATIENCE));
        // nobody took the first frame, so every later one would have been dropped
        assertEquals(1, slot.published());
        assertEquals(1, source.framesConverted(), "only the frame that was kept was converted");
        assertEquals(source.framesDecoded() - 1, slot.dropped(), "every other decoded frame was counted as dropped");
    }

    @Test
    void aLiveFrameRefusedByTheFpsCapIsNeverConverted() throws Exception {
        FfmpegSource source = liveSource(5);
        FrameSlot slot = new FrameSlot(() -> { });
        SourceSupervisor supervisor = new SourceSupervisor("capped", source, slot, SourceSupervisor.Backoff.defaults(), s -> { });
        AtomicLong taken = new AtomicLong();
        Thread consumer = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                VideoFrame f = slot.take();
                if (f != null) {
                    taken.incrementAndGet();
                    slot.recycle(f);
                }
                Thread.onSpinWait();
            }
        }, "test-consumer");
        consumer.setDaemon(true);
        consumer.start();
        supervisor.start();
        try {
            Await.until(() -> source.framesDecoded() >= 2 * FRAMES, Await.PATIENCE, () -> "40 frames decoded, got " + source.framesDecoded());
        } finally {
            supervisor.close();
            assertTrue(supervisor.awaitTermination(Await.PATIENCE));
            consumer.interrupt();
            consumer.join(Await.PATIENCE.toMillis());
        }
        assertEquals(slot.published(), source.framesConverted(), "converted exactly the frames that were published");
        assertEquals(source.framesDecoded(), source.framesConverted() + slot.dropped(), "every other frame was skipped unconverted");
        assertTrue(source.framesConverted() < source.framesDecoded(), "the 5 fps cap refused some of the frames read at full speed");
    }

    /** A live input (a camera would be one): the file read as fast as FFmpeg can, an end of file is a failure. */
    private static FfmpegSource liveSource(double maxFps) {
        FfmpegInput input = new FfmpegInput("file:" + video, "test-camera", null, Map.of("protocol_whitelist", "file"),
                true, false, false, 1);
        return new FfmpegSource(input, new TargetSize(0, 0), maxFps);
    }

    private static VideoFrame nextFrame(FrameSlot slot) throws InterruptedException {
        VideoFrame[] got = new VideoFrame[1];
        Await.until(() -> (got[0] = slot.take()) != null, Duration.ofSeconds(30), () -> "a decoded frame");
        return got[0];
    }
}
