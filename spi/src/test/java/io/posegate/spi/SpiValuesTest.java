package io.posegate.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SPI's value types: tensors share memory and refuse bad buffers; options, formats and probes check their input. */
class SpiValuesTest {
    @Test
    void allocatedTensorIsDirectNativeOrderAndSized() {
        Tensor t = Tensor.allocate("x", ElementType.FLOAT32, 1, 3, 4, 5);
        assertTrue(t.buffer().isDirect());
        assertEquals(ByteOrder.nativeOrder(), t.buffer().order());
        assertEquals(60, t.elementCount());
        assertEquals(240, t.byteSize());
        assertEquals(60, t.floats().remaining());
        assertEquals(5, t.dim(3));
    }

    @Test
    void aDimensionBeyondAnIntIsReadAsALongAndRefusedAsAnInt() {
        Tensor t = Tensor.allocate("x", ElementType.FLOAT32, 1, 3, 1L << 32, 0);
        assertEquals(0, t.byteSize());
        assertEquals(1L << 32, t.dimension(2));
        assertEquals(3L, t.dimension(1));
        assertThrows(ArithmeticException.class, () -> t.dim(2));
    }

    @Test
    void wrappedTensorSharesTheCallersMemory() {
        ByteBuffer memory = ByteBuffer.allocateDirect(64).order(ByteOrder.nativeOrder());
        Tensor t = Tensor.wrap("y", ElementType.FLOAT32, new long[] {2, 4}, memory);
        t.floats().put(5, 2.5f);
        assertEquals(2.5f, memory.asFloatBuffer().get(5));
        assertEquals(32, t.buffer().limit(), "the view ends at the tensor's bytes");
        long[] shape = t.shape();
        shape[0] = 99;
        assertArrayEquals(new long[] {2, 4}, t.shape(), "shape() is a copy");
    }

    @Test
    void aShapeWhoseByteCountOverflowsIsRefusedNamingTheShape() {
        // 2^62 FLOAT32 elements are 2^64 bytes: an unchecked product wraps to 0 and would allocate an empty buffer.
        IllegalArgumentException wrapped = assertThrows(IllegalArgumentException.class,
                () -> Tensor.allocate("huge", ElementType.FLOAT32, 1L << 31, 1L << 31));
        assertTrue(wrapped.getMessage().contains("'huge' of shape [2147483648, 2147483648]"), wrapped.getMessage());
        // Here the element count itself overflows a long.
        IllegalArgumentException elements = assertThrows(IllegalArgumentException.class,
                () -> Tensor.allocate("huger", ElementType.UINT8, 1L << 62, 4));
        assertTrue(elements.getMessage().contains("'huger' of shape [4611686018427387904, 4]"), elements.getMessage());
        ByteBuffer memory = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
        IllegalArgumentException wrap = assertThrows(IllegalArgumentException.class,
                () -> Tensor.wrap("in", ElementType.FLOAT32, new long[] {1L << 31, 1L << 31}, memory));
        assertTrue(wrap.getMessage().contains("'in' of shape [2147483648, 2147483648]"), wrap.getMessage());
    }

    @Test
    void badBuffersAndShapesAreRefusedNamingTheTensor() {
        ByteBuffer heap = ByteBuffer.allocate(64).order(ByteOrder.nativeOrder());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Tensor.wrap("in", ElementType.FLOAT32, new long[] {4}, heap)).getMessage().contains("'in': buffer is not direct"));
        ByteOrder other = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer swapped = ByteBuffer.allocateDirect(64).order(other);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Tensor.wrap("in", ElementType.FLOAT32, new long[] {4}, swapped)).getMessage().contains("native byte order"));
        ByteBuffer small = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Tensor.wrap("in", ElementType.FLOAT32, new long[] {4}, small)).getMessage().contains("needs 16 bytes but the buffer holds 8"));
        assertThrows(IllegalArgumentException.class, () -> Tensor.allocate("neg", ElementType.FLOAT32, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> Tensor.allocate("huge", ElementType.FLOAT32, 1L << 20, 1L << 20));
        assertEquals("name is null", assertThrows(NullPointerException.class,
                () -> Tensor.allocate(null, ElementType.FLOAT32, 1)).getMessage());
    }

    @Test
    void optionsParseValuesAndNameUnknownKeys() {
        BackendOptions o = BackendOptions.of(Map.of("threads", "4", "fp16", "true", "mode", "x"));
        assertEquals(4, o.getInt("threads", 1));
        assertEquals(7, o.getInt("missing", 7));
        assertTrue(o.getBoolean("fp16", false));
        BackendException notInt = assertThrows(BackendException.class, () -> o.getInt("mode", 1));
        assertEquals(ErrorCode.INVALID_OPTION, notInt.code());
        assertTrue(notInt.getMessage().contains("'mode' must be an integer, got 'x'"), notInt.getMessage());
        BackendException unknown = assertThrows(BackendException.class, () -> o.requireOnly("onnx", Set.of("threads", "fp16")));
        assertEquals("unknown option(s) [mode] for backend 'onnx'; known: [fp16, threads]", unknown.getMessage());
    }

    @Test
    void formatsAreFoundByIdAndFileNameAmongTheKnownOnes() {
        List<ModelFormat> known = List.of(ModelFormat.ONNX, ModelFormat.OPENVINO_IR, ModelFormat.TENSORRT_ENGINE);
        assertSame(ModelFormat.OPENVINO_IR, ModelFormat.fromId("openvino-ir", known));
        assertSame(ModelFormat.TENSORRT_ENGINE, ModelFormat.fromFileName("pose.PLAN", known));
        assertSame(ModelFormat.ONNX, ModelFormat.fromFileName("/m/pose.onnx", known));
        assertNull(ModelFormat.fromFileName("pose.tflite", known));
        String message = assertThrows(IllegalArgumentException.class, () -> ModelFormat.fromId("tflite", known)).getMessage();
        assertEquals("unknown model format 'tflite'; known: onnx, openvino-ir, tensorrt-engine", message);
    }

    @Test
    void formatsAreAnOpenSetEqualByName() {
        ModelFormat own = ModelFormat.of("simulated", ".sim.json", ".sim");
        assertEquals(ModelFormat.of("simulated"), own, "equal by name, whatever the suffixes");
        assertTrue(own.matches("demo.SIM.json"));
        assertFalse(own.matches("demo.json"));
        assertSame(own, ModelFormat.fromFileName("a/demo.sim", List.of(ModelFormat.ONNX, own)));
        assertSame(ModelFormat.TFLITE, ModelFormat.fromFileName("pose.tflite", List.of(ModelFormat.TFLITE)));
        assertThrows(IllegalArgumentException.class, () -> ModelFormat.of("Bad Name"));
        assertThrows(IllegalArgumentException.class, () -> ModelFormat.of("x", ""));
    }

    @Test
    void probesAndSpecsAreImmutableValues() {
        Probe p = Probe.unavailable("libnvinfer.so.10 not found", Set.of(ModelFormat.ONNX, ModelFormat.TENSORRT_ENGINE));
        assertFalse(p.available());
        assertFalse(p.canLoad(ModelFormat.ONNX), "an unavailable backend loads nothing");
        Probe ok = Probe.available("CPU", Set.of(ModelFormat.ONNX), List.of("CPU"), Map.of());
        assertTrue(ok.canLoad(ModelFormat.ONNX));
        assertFalse(ok.canLoad(ModelFormat.OPENVINO_IR));
        long[] shape = {1, 3, 8, 8};
        ModelSpec spec = new ModelSpec(ModelFormat.ONNX, Path.of("m.onnx"), "data", shape, List.of("a", "b"));
        shape[2] = 100;
        assertArrayEquals(new long[] {1, 3, 8, 8}, spec.inputShape(), "the spec keeps its own copy");
        assertEquals(spec, new ModelSpec(ModelFormat.ONNX, Path.of("m.onnx"), "data", new long[] {1, 3, 8, 8}, List.of("a", "b")));
        assertEquals("inputName is null", assertThrows(NullPointerException.class,
                () -> new ModelSpec(ModelFormat.ONNX, Path.of("m.onnx"), null, shape, List.of())).getMessage());
    }
}
