package io.posegate.gateway.ingest.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.ingest.DecodeSize;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.ModelDecoder;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.gateway.model.Preprocessor;
import io.posegate.grouping.Poses;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Probe;
import io.posegate.spi.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scale=planar} (the default: scale in YUV, then convert to BGR) against {@code scale=direct} (one pass
 * to BGR) on the shared pedestrian video: the pictures stay close, the people found in them by
 * human-pose-estimation-0001 on ONNX Runtime stay the same within a tolerance, and the option is parsed
 * with an error naming the known values.
 */
class ScaleModeTest {
    private static final int FRAMES = 12;
    private static final DecodeSize MODEL_SIZE = new DecodeSize(341, 256);

    @Test
    void theOptionDefaultsToPlanarAndABadValueNamesTheKnownOnes() {
        assertEquals(ScaleMode.PLANAR, FfmpegInputs.of(SourceSpec.of("file:/dev/null"), IngestPolicy.defaults()).scale());
        assertEquals(ScaleMode.DIRECT, FfmpegInputs.of(SourceSpec.of("file:/dev/null#scale=direct"), IngestPolicy.defaults()).scale());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FfmpegInputs.of(SourceSpec.of("file:/dev/null#scale=bicubic"), IngestPolicy.defaults()));
        assertTrue(e.getMessage().contains("'scale' must be one of planar, direct, got 'bicubic'"), e.getMessage());
    }

    @Test
    void planarPicturesAndPosesStayCloseToDirectOnes() throws Exception {
        Path shared = sharedOrSkip();
        Path video = shared.resolve("media/vtest.avi");
        Decoded planar = read(video, ScaleMode.PLANAR);
        Decoded direct = read(video, ScaleMode.DIRECT);
        assertEquals(FRAMES, planar.scaledPlanar, "every 768x576 YUV 4:2:0 picture took the planar pass");
        assertEquals(0, direct.scaledPlanar, "direct never takes the planar pass");
        for (int i = 0; i < FRAMES; i++) {
            VideoFrame a = planar.frames.get(i);
            VideoFrame b = direct.frames.get(i);
            assertEquals(341, a.width());
            assertEquals(256, a.height());
            assertEquals(768, a.displayWidth(), "results still map to the stream's pixels");
            double[] diff = meanAbsDiff(a, b);
            assertTrue(diff[0] < 4 && diff[1] < 16, "frame " + i + ": mean |planar - direct| " + diff[0]
                    + " levels (last column " + diff[1] + ")");
        }
        ModelDescriptor hpe = ModelDescriptors.resolve("human-pose-estimation-0001", Path.of("..", "config", "models"))
                .withModelFile(shared.resolve("models/human-pose-estimation-0001/human-pose-estimation-0001.onnx"));
        Probe p = BackendRegistry.discover().probe("onnx");
        assumeTrue(p.available(), "onnx unavailable: " + p.reason());
        int matched = 0;
        double shift = 0;
        try (ModelRuntime rt = ModelRuntime.open(hpe, BackendRegistry.discover().get("onnx"), BackendOptions.empty())) {
            for (int i = 0; i < FRAMES; i++) {
                Poses a = poses(rt, hpe, planar.frames.get(i));
                Poses b = poses(rt, hpe, direct.frames.get(i));
                assertTrue(b.count() > 0, "frame " + i + " has people");
                assertTrue(Math.abs(a.count() - b.count()) <= 1, "frame " + i + ": " + a.count() + " people planar, " + b.count() + " direct");
                for (int q = 0; q < b.count(); q++) {
                    double[] m = nearest(a, b, q);
                    matched += (int) m[1];
                    shift += m[0] * m[1];
                }
            }
        }
        double meanShift = shift / matched;
        System.out.printf("scale=planar vs direct, %d frames: %d keypoints matched, mean shift %.2f model pixels%n", FRAMES, matched, meanShift);
        assertTrue(matched > FRAMES * 10, "keypoints matched: " + matched);
        // measured 1.90 (keypoints are found on a stride-8 grid; 3 model pixels is about 1 % of the picture height)
        assertTrue(meanShift < 3.0, "mean keypoint shift planar vs direct: " + meanShift + " model-input pixels");
    }

    private static Poses poses(ModelRuntime rt, ModelDescriptor d, VideoFrame f) {
        Preprocessor pre = new Preprocessor(d.input());
        Tensor input = pre.allocateInput();
        pre.preprocess(f, input);
        Poses out = new Poses(d.topology().keypointCount(), d.decoder().maxPeople());
        try (InferenceResult r = rt.session().run(input)) {
            new ModelDecoder(d).decode(r, out);
        }
        return out;
    }

    /** For person {@code q} of {@code b}: the mean shift of keypoints present in both to the closest person of {@code a}, and how many. */
    private static double[] nearest(Poses a, Poses b, int q) {
        double best = Double.MAX_VALUE;
        int bestN = 0;
        for (int p = 0; p < a.count(); p++) {
            double sum = 0;
            int n = 0;
            for (int k = 0; k < b.keypointCount(); k++) {
                if (a.present(p, k) && b.present(q, k)) {
                    sum += Math.hypot(a.x(p, k) - b.x(q, k), a.y(p, k) - b.y(q, k));
                    n++;
                }
            }
            if (n > 0 && sum / n < best) {
                best = sum / n;
                bestN = n;
            }
        }
        return bestN == 0 ? new double[] {0, 0} : new double[] {best, bestN};
    }

    private static double[] meanAbsDiff(VideoFrame a, VideoFrame b) {
        byte[] x = a.bgr();
        byte[] y = b.bgr();
        int w = a.width();
        long all = 0;
        long last = 0;
        int n = w * a.height() * 3;
        for (int i = 0; i < n; i++) {
            int d = Math.abs((x[i] & 255) - (y[i] & 255));
            if ((i / 3) % w == w - 1) {
                last += d;
            } else {
                all += d;
            }
        }
        return new double[] {all / (double) (n - 3 * a.height()), last / (3.0 * a.height())};
    }

    private record Decoded(List<VideoFrame> frames, long scaledPlanar) {
    }

    private static Decoded read(Path video, ScaleMode mode) throws IOException {
        FfmpegInput input = new FfmpegInput("file:" + video, "vtest", null, Map.of("protocol_whitelist", "file"),
                false, false, false, 1, DecodeMode.AUTO, mode);
        FfmpegSource source = new FfmpegSource(input, new TargetSize(0, 0), 0);
        source.attach(ScriptedSink.neverFull().decodingAt(MODEL_SIZE));
        source.open();
        List<VideoFrame> frames = new ArrayList<>();
        try {
            for (int i = 0; i < FRAMES; i++) {
                VideoFrame f = new VideoFrame();
                assertTrue(source.read(f), "frame " + i);
                frames.add(f);
            }
            return new Decoded(frames, source.framesScaledPlanar());
        } finally {
            source.close();
        }
    }

    private static Path sharedOrSkip() {
        String shared = System.getenv("POSEGATE_SHARED");
        assumeTrue(shared != null && Files.exists(Path.of(shared, "media/vtest.avi")), "POSEGATE_SHARED with media/vtest.avi is not set");
        return Path.of(shared);
    }
}
