package io.posegate.backend.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Tensor;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * {@code human-pose-estimation-0001} on {@code media/messi5.jpg} (548x342, one player) from
 * {@code $POSEGATE_SHARED}: the keypoint heatmaps peak on the player. Skips when the variable is unset.
 */
class MessiHeatmapTest {
    private static final int H = 256;
    private static final int W = 456;
    private static final int OH = H / 8;
    private static final int OW = W / 8;

    @Test
    void atLeastTwelveKeypointsPeakInsideThePlayersBox() throws Exception {
        ModelSpec spec = HumanPoseEstimationTest.spec();
        BufferedImage image = ImageIO.read(Path.of(System.getenv("POSEGATE_SHARED"), "media/messi5.jpg").toFile());
        try (BackendSession s = new OnnxBackendProvider().open(spec, BackendOptions.empty());
             InferenceResult r = s.run(stretchedBgr(image))) {
            FloatBuffer heat = r.output(HumanPoseEstimationTest.HEATMAPS).floats();
            int found = 0;
            StringBuilder peaks = new StringBuilder();
            for (int c = 0; c < 18; c++) {
                int best = 0;
                for (int i = 1; i < OH * OW; i++) {
                    best = heat.get(c * OH * OW + i) > heat.get(c * OH * OW + best) ? i : best;
                }
                double x = (best % OW + 0.5) * 8 * image.getWidth() / W;
                double y = (best / OW + 0.5) * 8 * image.getHeight() / H;
                boolean onPlayer = heat.get(c * OH * OW + best) > 0.4f && x > 60 && x < 470 && y > 50;
                found += onPlayer ? 1 : 0;
                peaks.append(String.format(" %d:%.2f@(%.0f,%.0f)", c, heat.get(c * OH * OW + best), x, y));
            }
            assertTrue(found >= 12, "only " + found + " keypoints peak on the player:" + peaks);
        }
    }

    /** Stretches the image to 256x456 into planar BGR floats 0..255, the model's input. */
    private static Tensor stretchedBgr(BufferedImage image) {
        Tensor t = Tensor.allocate("data", ElementType.FLOAT32, 1, 3, H, W);
        FloatBuffer fb = t.floats();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int rgb = image.getRGB(x * image.getWidth() / W, y * image.getHeight() / H);
                fb.put(y * W + x, rgb & 0xff);
                fb.put((H + y) * W + x, (rgb >> 8) & 0xff);
                fb.put((2 * H + y) * W + x, (rgb >> 16) & 0xff);
            }
        }
        return t;
    }
}
