package io.posegate.backend.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Tensor;
import io.posegate.spi.testing.OnnxModelSpecs;
import io.posegate.spi.testing.OnnxTestModel;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session on the generated model at a realistic size, and its failure modes. */
class OnnxBackendSessionTest {
    private static final int H = 128;
    private static final int W = 232;
    private static final int STRIDE = 8;
    private final OnnxBackendProvider provider = new OnnxBackendProvider();

    @TempDir
    Path dir;

    @Test
    void biggerGeneratedModelMatchesExpectedValues() throws Exception {
        ModelSpec spec = spec();
        try (BackendSession s = provider.open(spec, BackendOptions.empty())) {
            assertArrayEquals(new long[] {1, 19, H / STRIDE, W / STRIDE}, s.outputs().get(0).shape());
            Tensor input = input(spec);
            float[] values = fill(input, 7);
            try (InferenceResult r = s.run(input)) {
                assertEquals(List.of("heatmaps", "pafs"), r.names());
                assertClose(new OnnxTestModel(STRIDE).expected(0, values, H, W), r.output("heatmaps"));
                assertClose(new OnnxTestModel(STRIDE).expected(1, values, H, W), r.output("pafs"));
            }
        }
    }

    @Test
    void outputsReuseTheSameMemoryAndInputIsReadInPlace() throws Exception {
        ModelSpec spec = spec();
        OnnxTestModel model = new OnnxTestModel(STRIDE);
        try (BackendSession s = provider.open(spec, BackendOptions.empty())) {
            Tensor input = input(spec);
            fill(input, 1);
            Tensor first;
            try (InferenceResult r = s.run(input)) {
                first = r.output("pafs");
            }
            float[] second = fill(input, 2);
            try (InferenceResult r = s.run(input)) {
                Tensor again = r.output("pafs");
                assertSame(first, again, "output tensor was reallocated");
                assertClose(model.expected(1, second, H, W), first);
            }
        }
    }

    @Test
    void onlyRequestedOutputsAreComputed() throws Exception {
        ModelSpec all = spec();
        ModelSpec one = new ModelSpec(ModelFormat.ONNX, all.file(), "input", all.inputShape(), List.of("pafs"));
        try (BackendSession s = provider.open(one, BackendOptions.empty()); InferenceResult r = s.run(input(one))) {
            assertEquals(List.of("pafs"), r.names());
            assertEquals(ErrorCode.MODEL_MISMATCH, assertThrows(BackendException.class, () -> r.output("heatmaps")).code());
        }
    }

    @Test
    void corruptFileIsModelInvalidNamingTheFile() throws Exception {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Path file = Files.write(dir.resolve("corrupt.onnx"), junk);
        ModelSpec spec = new OnnxModelSpecs().spec(file, H, W);
        BackendException e = assertThrows(BackendException.class, () -> provider.open(spec, BackendOptions.empty()));
        assertEquals(ErrorCode.MODEL_INVALID, e.code(), e.toString());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void wrongInputNameIsModelMismatchListingTheRealOne() throws Exception {
        ModelSpec good = spec();
        ModelSpec bad = new ModelSpec(ModelFormat.ONNX, good.file(), "data", good.inputShape(), good.outputNames());
        BackendException e = assertThrows(BackendException.class, () -> provider.open(bad, BackendOptions.empty()));
        assertEquals(ErrorCode.MODEL_MISMATCH, e.code());
        assertTrue(e.getMessage().contains("'data'") && e.getMessage().contains("input FLOAT[1, 3, -1, -1]"), e.getMessage());
    }

    @Test
    void wrongInputRankOrChannelsIsModelMismatchNamingBothShapes() throws Exception {
        ModelSpec good = spec();
        for (long[] shape : new long[][] {{1, 4, H, W}, {3, H, W}}) {
            ModelSpec bad = new ModelSpec(ModelFormat.ONNX, good.file(), "input", shape, good.outputNames());
            BackendException e = assertThrows(BackendException.class, () -> provider.open(bad, BackendOptions.empty()));
            assertEquals(ErrorCode.MODEL_MISMATCH, e.code());
            assertTrue(e.getMessage().contains("[1, 3, -1, -1]") && e.getMessage().contains(java.util.Arrays.toString(shape)),
                    e.getMessage());
        }
    }

    @Test
    void wrongInputNameOrTypeAtRunIsInvalidInput() throws Exception {
        ModelSpec spec = spec();
        try (BackendSession s = provider.open(spec, BackendOptions.empty())) {
            Tensor named = Tensor.allocate("image", ElementType.FLOAT32, spec.inputShape());
            Tensor typed = Tensor.allocate("input", ElementType.UINT8, spec.inputShape());
            for (Tensor bad : List.of(named, typed)) {
                BackendException e = assertThrows(BackendException.class, () -> s.run(bad));
                assertEquals(ErrorCode.INVALID_INPUT, e.code(), e.toString());
            }
        }
    }

    /**
     * A dimension beyond an int in an otherwise legal tensor (0 bytes) is a bad shape, INVALID_INPUT naming it, not an
     * ArithmeticException from reading the dimension as an int (which the shape check did before).
     */
    @Test
    void aDimensionBeyondAnIntIsInvalidInput() throws Exception {
        ModelSpec spec = spec();
        try (BackendSession s = provider.open(spec, BackendOptions.empty())) {
            Tensor huge = Tensor.allocate("input", ElementType.FLOAT32, 1, 3, 1L << 32, 0);
            BackendException e = assertThrows(BackendException.class, () -> s.run(huge));
            assertEquals(ErrorCode.INVALID_INPUT, e.code(), e.toString());
            assertTrue(e.getMessage().contains("4294967296"), e.getMessage());
            s.run(Tensor.allocate("input", ElementType.FLOAT32, spec.inputShape())).close();
        }
    }

    static void assertClose(float[] expected, Tensor actual) {
        FloatBuffer fb = actual.floats();
        assertEquals(expected.length, fb.remaining(), actual.name() + " size");
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - fb.get(i)) > 1e-3f) {
                throw new AssertionError(actual.name() + "[" + i + "] expected " + expected[i] + " got " + fb.get(i));
            }
        }
    }

    static float[] fill(Tensor input, int seed) {
        FloatBuffer fb = input.floats();
        float[] values = new float[fb.remaining()];
        Random random = new Random(seed);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * 255f;
            fb.put(i, values[i]);
        }
        return values;
    }

    static Tensor input(ModelSpec spec) {
        return Tensor.allocate(spec.inputName(), ElementType.FLOAT32, spec.inputShape());
    }

    private ModelSpec spec() throws Exception {
        return new OnnxModelSpecs().spec(new OnnxTestModel(STRIDE).write(dir.resolve("pose.onnx")), H, W);
    }
}
