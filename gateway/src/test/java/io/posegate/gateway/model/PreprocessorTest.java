package io.posegate.gateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** Pre-processing against hand-computed values: layout, colour order, normalisation, resize, letterbox. */
class PreprocessorTest {
    private static final float[] ZERO = {0, 0, 0};
    private static final float[] ONE = {1, 1, 1};

    private static VideoFrame frame(int w, int h, int[][] bgrPixels) {
        VideoFrame f = new VideoFrame();
        byte[] b = f.reshape(w, h);
        for (int i = 0; i < w * h; i++) {
            for (int c = 0; c < 3; c++) {
                b[i * 3 + c] = (byte) bgrPixels[i][c];
            }
        }
        return f;
    }

    private static InputSpec spec(int h, int w, InputSpec.ColorOrder order, float scale, float[] mean, float[] std,
                                  InputSpec.ResizePolicy resize) {
        return new InputSpec("in", h, w, order, scale, mean, std, resize, 0f);
    }

    private static float at(Tensor t, int c, int y, int x) {
        FloatBuffer fb = t.floats();
        return fb.get((c * t.dim(2) + y) * t.dim(3) + x);
    }

    @Test
    void sameSizeRgbIsChannelPlanarWithRedFirst() {
        VideoFrame f = frame(2, 1, new int[][] {{10, 20, 30}, {40, 50, 200}});
        InputSpec s = spec(1, 2, InputSpec.ColorOrder.RGB, 1f, ZERO, ONE, InputSpec.ResizePolicy.STRETCH);
        Tensor t = Tensor.allocate("in", ElementType.FLOAT32, s.shape());
        new Preprocessor(s).preprocess(f, t);
        assertEquals(30f, at(t, 0, 0, 0)); // R of pixel 0
        assertEquals(20f, at(t, 1, 0, 0)); // G
        assertEquals(10f, at(t, 2, 0, 0)); // B
        assertEquals(200f, at(t, 0, 0, 1));
        assertEquals(40f, at(t, 2, 0, 1));
    }

    @Test
    void bgrKeepsTheSourceOrder() {
        VideoFrame f = frame(1, 1, new int[][] {{10, 20, 30}});
        InputSpec s = spec(1, 1, InputSpec.ColorOrder.BGR, 1f, ZERO, ONE, InputSpec.ResizePolicy.STRETCH);
        Tensor t = Tensor.allocate("in", ElementType.FLOAT32, s.shape());
        new Preprocessor(s).preprocess(f, t);
        assertEquals(10f, at(t, 0, 0, 0));
        assertEquals(30f, at(t, 2, 0, 0));
    }

    @Test
    void imageNetNormalisationAfterScaling() {
        VideoFrame f = frame(1, 1, new int[][] {{0, 128, 255}});
        float[] mean = {0.485f, 0.456f, 0.406f};
        float[] std = {0.229f, 0.224f, 0.225f};
        InputSpec s = spec(1, 1, InputSpec.ColorOrder.RGB, 1f / 255f, mean, std, InputSpec.ResizePolicy.STRETCH);
        Tensor t = Tensor.allocate("in", ElementType.FLOAT32, s.shape());
        new Preprocessor(s).preprocess(f, t);
        assertEquals((1f - 0.485f) / 0.229f, at(t, 0, 0, 0), 1e-5); // R = 255
        assertEquals((128f / 255f - 0.456f) / 0.224f, at(t, 1, 0, 0), 1e-5);
        assertEquals((0f - 0.406f) / 0.225f, at(t, 2, 0, 0), 1e-5);
    }

    @Test
    void halvingAveragesTwoByTwoBlocksWithPixelCentresAligned() {
        int[][] px = new int[16][];
        for (int i = 0; i < 16; i++) {
            px[i] = new int[] {i * 10, 0, 0};
        }
        VideoFrame f = frame(4, 4, px);
        InputSpec s = spec(2, 2, InputSpec.ColorOrder.BGR, 1f, ZERO, ONE, InputSpec.ResizePolicy.STRETCH);
        Tensor t = Tensor.allocate("in", ElementType.FLOAT32, s.shape());
        new Preprocessor(s).preprocess(f, t);
        // destination (0,0) samples source (0.5, 0.5): mean of pixels 0,1,4,5 -> (0+10+40+50)/4
        assertEquals(25f, at(t, 0, 0, 0), 1e-4);
        // destination (1,1) samples (2.5, 2.5): pixels 10,11,14,15
        assertEquals((100 + 110 + 140 + 150) / 4f, at(t, 0, 1, 1), 1e-4);
    }

    @Test
    void letterboxCentresAndPadsAndReportsTheTransform() {
        int[][] px = new int[8][];
        for (int i = 0; i < 8; i++) {
            px[i] = new int[] {100, 100, 100};
        }
        VideoFrame f = frame(4, 2, px);
        InputSpec s = new InputSpec("in", 4, 4, InputSpec.ColorOrder.RGB, 1f, ZERO, ONE, InputSpec.ResizePolicy.LETTERBOX, 7f);
        Tensor t = Tensor.allocate("in", ElementType.FLOAT32, s.shape());
        InputTransform tr = new Preprocessor(s).preprocess(f, t);
        assertEquals(1f, tr.scaleX());
        assertEquals(1f, tr.padY());
        assertEquals(7f, at(t, 0, 0, 2)); // top pad row
        assertEquals(100f, at(t, 0, 1, 2));
        assertEquals(100f, at(t, 0, 2, 2));
        assertEquals(7f, at(t, 0, 3, 2)); // bottom pad row
        assertEquals(1.5f, tr.toSourceY(2.5f)); // input row 2 centre is source row 1 centre
    }

    @Test
    void wrongTensorShapeIsRejectedNamingIt() {
        InputSpec s = spec(2, 2, InputSpec.ColorOrder.RGB, 1f, ZERO, ONE, InputSpec.ResizePolicy.STRETCH);
        Tensor t = Tensor.allocate("in", ElementType.FLOAT32, 1, 3, 4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Preprocessor(s).preprocess(frame(1, 1, new int[][] {{0, 0, 0}}), t));
        assertEquals(true, e.getMessage().contains("[1, 3, 2, 2]"), e.getMessage());
    }
}
