package io.posegate.gateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pre-processing writes every (element type, layout) combination the models declare straight into the
 * input tensor: FLOAT32, UINT8 and INT8, NCHW and NHWC, with padding, rounding and clamping.
 */
class TypedInputTest {
    /** Three pixels in one row, BGR bytes. */
    private static final int[][] BGR = {{10, 20, 30}, {40, 50, 200}, {0, 128, 255}};

    static Stream<Arguments> combinations() {
        return Stream.of(ElementType.FLOAT32, ElementType.UINT8, ElementType.INT8)
                .flatMap(t -> Stream.of(Arguments.of(t, TensorLayout.NCHW), Arguments.of(t, TensorLayout.NHWC)));
    }

    private static VideoFrame frame(int[][] bgr) {
        VideoFrame f = new VideoFrame();
        byte[] b = f.reshape(bgr.length, 1);
        for (int i = 0; i < bgr.length; i++) {
            for (int c = 0; c < 3; c++) {
                b[i * 3 + c] = (byte) bgr[i][c];
            }
        }
        return f;
    }

    /** The normalisation each type gets here: float (p - 128) / 128, uint8 raw, int8 p - 128. */
    private static InputSpec spec(ElementType type, TensorLayout layout, int h, int w, InputSpec.ResizePolicy resize) {
        float[] mean = type == ElementType.UINT8 ? new float[] {0, 0, 0} : new float[] {128, 128, 128};
        float[] std = type == ElementType.FLOAT32 ? new float[] {128, 128, 128} : new float[] {1, 1, 1};
        return new InputSpec("in", h, w, type, layout, InputSpec.ColorOrder.RGB, 1f, mean, std, resize, 0f);
    }

    private static float expected(ElementType type, int pixel) {
        return switch (type) {
            case FLOAT32 -> (pixel - 128) / 128f;
            case UINT8 -> pixel;
            default -> pixel - 128;
        };
    }

    /** Value at (c, y, x) read in the tensor's own layout and type. */
    private static float at(Tensor t, TensorLayout layout, int c, int y, int x) {
        int h = layout == TensorLayout.NCHW ? t.dim(2) : t.dim(1);
        int w = layout == TensorLayout.NCHW ? t.dim(3) : t.dim(2);
        int i = layout == TensorLayout.NCHW ? (c * h + y) * w + x : (y * w + x) * 3 + c;
        return switch (t.type()) {
            case FLOAT32 -> t.floats().get(i);
            case UINT8 -> t.buffer().get(i) & 0xFF;
            default -> t.buffer().get(i);
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("combinations")
    void eachTypeAndLayoutIsWrittenInPlace(ElementType type, TensorLayout layout) {
        InputSpec s = spec(type, layout, 1, 3, InputSpec.ResizePolicy.STRETCH);
        Preprocessor p = new Preprocessor(s);
        Tensor t = p.allocateInput();
        assertEquals(type, t.type());
        assertEquals(layout == TensorLayout.NCHW ? "[1, 3, 1, 3]" : "[1, 1, 3, 3]", java.util.Arrays.toString(t.shape()));
        p.preprocess(frame(BGR), t);
        for (int x = 0; x < 3; x++) {
            int[] rgb = {BGR[x][2], BGR[x][1], BGR[x][0]};
            for (int c = 0; c < 3; c++) {
                assertEquals(expected(type, rgb[c]), at(t, layout, c, 0, x), 1e-6, type + " " + layout + " c" + c + " x" + x);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("combinations")
    void letterboxPaddingIsWrittenInEachLayout(ElementType type, TensorLayout layout) {
        // a 3x1 picture into a 3x3 input: row 1 holds it, rows 0 and 2 are padding (pad value 0)
        InputSpec s = spec(type, layout, 3, 3, InputSpec.ResizePolicy.LETTERBOX);
        Preprocessor p = new Preprocessor(s);
        Tensor t = p.allocateInput();
        t.buffer().put(0, (byte) 99); // stale data from an earlier frame must be overwritten
        p.preprocess(frame(BGR), t);
        for (int c = 0; c < 3; c++) {
            assertEquals(expected(type, 0), at(t, layout, c, 0, 0), 1e-6, "pad row 0");
            assertEquals(expected(type, 0), at(t, layout, c, 2, 2), 1e-6, "pad row 2");
        }
        assertEquals(expected(type, 200), at(t, layout, 0, 1, 1), 1e-6, "red of the middle pixel");
    }

    @Test
    void integerTypesRoundAndClamp() {
        InputSpec u8 = new InputSpec("in", 1, 3, ElementType.UINT8, TensorLayout.NHWC, InputSpec.ColorOrder.BGR, 2f,
                new float[] {0, 0, 0}, new float[] {1, 1, 1}, InputSpec.ResizePolicy.STRETCH, 0f);
        Tensor t = new Preprocessor(u8).allocateInput();
        new Preprocessor(u8).preprocess(frame(BGR), t);
        assertEquals(20f, at(t, TensorLayout.NHWC, 0, 0, 0)); // B 10 * 2
        assertEquals(255f, at(t, TensorLayout.NHWC, 2, 0, 1), "400 clamps to 255");
        InputSpec i8 = new InputSpec("in", 1, 3, ElementType.INT8, TensorLayout.NCHW, InputSpec.ColorOrder.RGB, 1f,
                new float[] {0, 0, 0}, new float[] {2, 2, 2}, InputSpec.ResizePolicy.STRETCH, 0f);
        Tensor t8 = new Preprocessor(i8).allocateInput();
        new Preprocessor(i8).preprocess(frame(BGR), t8);
        assertEquals(15f, at(t8, TensorLayout.NCHW, 0, 0, 0), "30 / 2");
        assertEquals(100f, at(t8, TensorLayout.NCHW, 0, 0, 1), "200 / 2");
        assertEquals(127f, at(t8, TensorLayout.NCHW, 0, 0, 2), "255 / 2 = 127.5 rounds to 128, clamps to 127");
    }

    @Test
    void aTensorOfAnotherTypeIsRefusedNamingBoth() {
        InputSpec s = spec(ElementType.UINT8, TensorLayout.NHWC, 1, 3, InputSpec.ResizePolicy.STRETCH);
        Tensor f32 = Tensor.allocate("in", ElementType.FLOAT32, s.shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Preprocessor(s).preprocess(frame(BGR), f32));
        assertTrue(e.getMessage().contains("FLOAT32") && e.getMessage().contains("UINT8[1, 1, 3, 3]"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("combinations")
    void steadyStateAllocatesNothing(ElementType type, TensorLayout layout) {
        InputSpec s = spec(type, layout, 64, 96, InputSpec.ResizePolicy.LETTERBOX);
        Preprocessor p = new Preprocessor(s);
        Tensor t = p.allocateInput();
        VideoFrame f = new VideoFrame();
        f.reshape(160, 90);
        for (int i = 0; i < 200; i++) {
            p.preprocess(f, t);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100; i++) {
            p.preprocess(f, t);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1024, type + " " + layout + ": 100 frames allocated " + allocated + " bytes");
    }
}
