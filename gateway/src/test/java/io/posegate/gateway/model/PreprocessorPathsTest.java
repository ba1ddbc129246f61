package io.posegate.gateway.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The identity path (a picture that already has the input's size, as FFmpeg delivers it) writes exactly the
 * tensor that the bilinear path writes, and both write exactly what the per-element pre-processor
 * ({@link PerElementPreprocessor}) wrote, bit for bit, for every element type, layout, colour order, resize
 * policy and normalisation, with padding, across frames of changing sizes into one reused tensor.
 */
class PreprocessorPathsTest {
    private static final int W = 23;
    private static final int H = 14;

    private static List<InputSpec> specs() {
        float[] zero = {0, 0, 0};
        float[] one = {1, 1, 1};
        float[] mean = {0.485f, 0.456f, 0.406f};
        float[] std = {0.229f, 0.224f, 0.225f};
        float[] int8Mean = {128, 127.5f, 100};
        List<InputSpec> specs = new ArrayList<>();
        for (ElementType type : new ElementType[] {ElementType.FLOAT32, ElementType.UINT8, ElementType.INT8}) {
            for (TensorLayout layout : TensorLayout.values()) {
                for (InputSpec.ColorOrder order : InputSpec.ColorOrder.values()) {
                    for (InputSpec.ResizePolicy resize : InputSpec.ResizePolicy.values()) {
                        specs.add(new InputSpec("in", H, W, type, layout, order, 1f, zero, one, resize, 0f));
                        specs.add(new InputSpec("in", H, W, type, layout, order, 1f / 255f, mean, std, resize, 114f));
                        specs.add(new InputSpec("in", H, W, type, layout, order, 1.7f, int8Mean, one, resize, 3f));
                    }
                }
            }
        }
        return specs;
    }

    /** Source sizes: the input's own, letterbox-identity ones (narrower / shorter), down and up scaling. */
    private static final int[][] SIZES = {{W, H}, {17, H}, {W, 9}, {46, 28}, {41, 31}, {11, 7}, {W, H}, {5, H}, {W, H}};

    private static VideoFrame randomFrame(Random rnd, int w, int h) {
        VideoFrame f = new VideoFrame();
        byte[] b = f.reshape(w, h);
        for (int i = 0; i < w * h * 3; i++) {
            b[i] = (byte) rnd.nextInt(256);
        }
        return f;
    }

    private static byte[] bytesOf(Tensor t) {
        ByteBuffer b = t.buffer();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void bothPathsEqualThePerElementReferenceBitForBitAcrossSizesIntoOneTensor() {
        Random rnd = new Random(13);
        int identityFrames = 0;
        for (InputSpec spec : specs()) {
            Preprocessor fast = new Preprocessor(spec);
            Preprocessor general = new Preprocessor(spec, false);
            PerElementPreprocessor reference = new PerElementPreprocessor(spec);
            Tensor fastOut = fast.allocateInput();
            Tensor generalOut = general.allocateInput();
            for (int[] size : SIZES) {
                VideoFrame frame = randomFrame(rnd, size[0], size[1]);
                Tensor expected = reference.allocateInput();
                InputTransform want = reference.preprocess(frame, expected);
                assertEquals(want, fast.preprocess(frame, fastOut), spec + " " + size[0] + "x" + size[1]);
                assertEquals(want, general.preprocess(frame, generalOut));
                String what = spec.type() + " " + spec.layout() + " " + spec.colorOrder() + " " + spec.resize()
                        + " scale " + spec.scale() + ", source " + size[0] + "x" + size[1];
                assertArrayEquals(bytesOf(expected), bytesOf(generalOut), "bilinear path, " + what);
                assertArrayEquals(bytesOf(expected), bytesOf(fastOut), "identity path, " + what);
                if (fast.copiesWithoutResampling(size[0], size[1])) {
                    identityFrames++;
                }
            }
        }
        assertTrue(identityFrames >= specs().size() * 3, "the identity path ran: " + identityFrames + " frames");
    }

    @Test
    void onlyPicturesThatNeedNoScalingTakeTheIdentityPath() {
        InputSpec stretch = new InputSpec("in", H, W, InputSpec.ColorOrder.RGB, 1f, new float[3], new float[] {1, 1, 1},
                InputSpec.ResizePolicy.STRETCH, 0f);
        InputSpec letterbox = new InputSpec("in", H, W, InputSpec.ColorOrder.RGB, 1f, new float[3], new float[] {1, 1, 1},
                InputSpec.ResizePolicy.LETTERBOX, 0f);
        assertTrue(new Preprocessor(stretch).copiesWithoutResampling(W, H));
        assertFalse(new Preprocessor(stretch).copiesWithoutResampling(17, H), "stretching 17 to 23 columns resamples");
        assertTrue(new Preprocessor(letterbox).copiesWithoutResampling(17, H), "letterboxed at scale 1, padded");
        assertTrue(new Preprocessor(letterbox).copiesWithoutResampling(W, 9));
        assertFalse(new Preprocessor(letterbox).copiesWithoutResampling(46, 28), "halved");
        assertFalse(new Preprocessor(letterbox).copiesWithoutResampling(11, 7), "doubled");
        assertFalse(new Preprocessor(stretch, false).copiesWithoutResampling(W, H), "forced bilinear");
    }

    @Test
    void identityPathWritesTheExpectedValuesNotJustTheSameAsTheOtherPath() {
        InputSpec spec = new InputSpec("in", 2, 3, ElementType.UINT8, TensorLayout.NHWC, InputSpec.ColorOrder.RGB, 2f,
                new float[] {0, 0, 0}, new float[] {1, 1, 1}, InputSpec.ResizePolicy.LETTERBOX, 9f);
        VideoFrame f = new VideoFrame();
        byte[] b = f.reshape(2, 2);
        byte[] bgr = {10, 20, 30, 40, 50, (byte) 200, 1, 2, 3, 4, 5, 6};
        System.arraycopy(bgr, 0, b, 0, bgr.length);
        Preprocessor p = new Preprocessor(spec);
        Tensor t = p.allocateInput();
        InputTransform tr = p.preprocess(f, t);
        assertTrue(p.copiesWithoutResampling(2, 2));
        assertEquals(0f, tr.padX(), "(3 - 2) / 2 columns of padding on the left, rounded down");
        // row 0: pixel (0,0) RGB x2 = 60,40,20; (1,0) = 400->255,100,80; then the pad column (9 x 2 = 18)
        // row 1: 6,4,2; 12,10,8; pad
        byte[] want = {60, 40, 20, (byte) 255, 100, 80, 18, 18, 18, 6, 4, 2, 12, 10, 8, 18, 18, 18};
        assertArrayEquals(want, bytesOf(t));
    }
}
