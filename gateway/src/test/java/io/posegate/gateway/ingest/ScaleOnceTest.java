package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import io.posegate.gateway.model.InputSpec;
import io.posegate.gateway.model.InputTransform;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.gateway.model.Preprocessor;
import io.posegate.gateway.pipeline.FrameProcessor;
import io.posegate.gateway.pipeline.FrameSlot;
import io.posegate.gateway.testing.Await;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames are scaled once, by FFmpeg, straight to the size the model's pre-processing needs, and results
 * are still placed in the stream's own pixels.
 */
class ScaleOnceTest {
    private static final ModelDescriptor HPE = ModelDescriptors.resolve("human-pose-estimation-0001", Path.of("..", "config", "models"));
    @TempDir
    Path dir;

    @Test
    void aLetterboxedModelGetsPicturesAtItsInnerSizeAndNeverBigger() {
        FrameSlot slot = new FrameSlot(() -> { });
        slot.fitTo(HPE.input());
        InputSpec in = HPE.input();
        assertEquals(new DecodeSize(341, 256), slot.decodeSize(768, 576), "768x576 letterboxed into 456x256");
        assertEquals(new DecodeSize(454, 256), slot.decodeSize(1280, 721), "height limits: 256 / 721");
        assertEquals(new DecodeSize(455, 256), slot.decodeSize(1280, 720), "16:9 is a little narrower than 456x256");
        assertEquals(new DecodeSize(320, 180), slot.decodeSize(320, 180), "a small stream is not scaled up");
        Preprocessor pre = new Preprocessor(in);
        for (DecodeSize d : new DecodeSize[] {slot.decodeSize(768, 576), slot.decodeSize(1280, 721), slot.decodeSize(1280, 720)}) {
            assertTrue(pre.copiesWithoutResampling(d.width(), d.height()), d + " goes into the input without resampling");
        }
        assertFalse(pre.copiesWithoutResampling(320, 180), "a small stream is scaled up by pre-processing");
        slot.fitTo(null);
        assertEquals(new DecodeSize(768, 576), slot.decodeSize(768, 576));
        assertEquals(456, in.width());
    }

    @Test
    void ffmpegDecodesStraightToTheModelSizeAndResultsMapToStreamPixels() throws Exception {
        Path video = TestMedia.encodeVideo(dir.resolve("vga.mp4"), 640, 480, 6, 25);
        SourceFactory factory = Sources.defaultFactory(IngestPolicy.defaults(), new WebcamHub(WebcamLimits.defaults()));
        FrameSlot slot = new FrameSlot(() -> { });
        slot.fitTo(HPE.input());
        SourceSupervisor supervisor = new SourceSupervisor("vga", factory.create(SourceSpec.of("file:" + video + "#pace=fast")),
                slot, SourceSupervisor.Backoff.defaults(), s -> { });
        supervisor.start();
        VideoFrame[] got = new VideoFrame[1];
        try {
            Await.until(() -> (got[0] = slot.take()) != null, Await.PATIENCE, () -> "a frame");
        } finally {
            supervisor.close();
        }
        VideoFrame f = got[0];
        assertEquals(341, f.width(), "decoded at the letterbox's inner width");
        assertEquals(256, f.height());
        assertEquals(640, f.displayWidth(), "the stream's own size is kept for results");
        assertEquals(480, f.displayHeight());
        assertTrue(TestMedia.close(f, TestMedia.bgrOf(0), 6), TestMedia.describe(f));

        assertTrue(new Preprocessor(HPE.input()).copiesWithoutResampling(f.width(), f.height()),
                "pre-processing takes the identity path for what FFmpeg delivered");
        InputTransform t = new FrameProcessor(HPE).preprocess(f);
        InputTransform direct = InputTransform.of(InputSpec.ResizePolicy.LETTERBOX, 640, 480, 456, 256);
        // a keypoint at the input's centre maps to the stream's centre, as if pre-processing had scaled the full picture
        assertEquals(direct.toSourceX(228), t.toSourceX(228), 0.5f);
        assertEquals(direct.toSourceY(128), t.toSourceY(128), 0.5f);
        assertEquals(direct.toSourceX(60), t.toSourceX(60), 1f);
        assertEquals(640 * 0.5f, t.toSourceX(228), 1f);
    }
}
