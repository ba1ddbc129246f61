package io.posegate.backend.tensorrt.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.spi.BackendException;
import io.posegate.spi.ElementType;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.TensorInfo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingResolverTest {
    private static ModelSpec spec(String input, long h, long w, String... outputs) {
        return new ModelSpec(ModelFormat.TENSORRT_ENGINE, Path.of("pose.engine"), input, new long[] {1, 3, h, w}, List.of(outputs));
    }

    private static BackendException mismatch(ModelSpec spec, EngineIo io) {
        BackendException e = assertThrows(BackendException.class, () -> BindingResolver.resolve(spec, io));
        assertEquals(ErrorCode.MODEL_MISMATCH, e.code(), e.toString());
        return e;
    }

    @Test
    void staticEngineResolvesWithoutSettingShapes() {
        FakeEngineIo io = FakeEngineIo.pose(false);
        ResolvedBindings r = BindingResolver.resolve(spec("input", 16, 24, "pafs", "heatmaps"), io);
        assertEquals(new TensorInfo("input", ElementType.FLOAT32, new long[] {1, 3, 16, 24}), r.input());
        assertEquals(List.of("pafs", "heatmaps"), r.requested());
        assertArrayEquals(new long[] {1, 38, 4, 6}, r.output("pafs").shape());
        assertTrue(io.setShapeCalls.isEmpty(), "static input needs no setInputShape: " + io.setShapeCalls);
    }

    @Test
    void dynamicInputIsFixedAndOutputShapesAreReadBack() {
        FakeEngineIo io = FakeEngineIo.pose(true);
        ResolvedBindings r = BindingResolver.resolve(spec("input", 368, 656, "heatmaps", "pafs"), io);
        assertEquals(List.of("input"), io.setShapeCalls);
        assertArrayEquals(new long[] {1, 3, 368, 656}, r.input().shape());
        assertArrayEquals(new long[] {1, 19, 92, 164}, r.output("heatmaps").shape());
        assertArrayEquals(new long[] {1, 38, 92, 164}, r.output("pafs").shape());
    }

    @Test
    void unknownOutputNamesItAndListsTheEngineIo() {
        BackendException e = mismatch(spec("input", 16, 24, "heatmaps", "no_such_output"), FakeEngineIo.pose(false));
        assertTrue(e.getMessage().contains("output 'no_such_output' not found in engine pose.engine"), e.getMessage());
        assertTrue(e.getMessage().contains("outputs: [heatmaps:kFLOAT[1, 19, 4, 6], pafs:kFLOAT[1, 38, 4, 6]]"), e.getMessage());
        assertTrue(e.getMessage().contains("engine inputs: [input:kFLOAT[1, 3, 16, 24]]"), e.getMessage());
    }

    @Test
    void unknownInputAndAnOutputUsedAsInputAreMismatches() {
        assertTrue(mismatch(spec("image", 16, 24, "heatmaps"), FakeEngineIo.pose(false)).getMessage().contains("input 'image' not found"));
        assertTrue(mismatch(spec("pafs", 16, 24, "heatmaps"), FakeEngineIo.pose(false)).getMessage().contains("input 'pafs' not found"));
    }

    @Test
    void staticDimensionMismatchNamesBothShapes() {
        BackendException e = mismatch(spec("input", 32, 24, "heatmaps"), FakeEngineIo.pose(false));
        assertTrue(e.getMessage().contains("input 'input' has shape [1, 3, 16, 24] in the engine, the model spec feeds [1, 3, 32, 24]"),
                e.getMessage());
    }

    @Test
    void wrongRankIsMismatch() {
        ModelSpec rank3 = new ModelSpec(ModelFormat.TENSORRT_ENGINE, Path.of("pose.engine"), "input", new long[] {3, 16, 24}, List.of("pafs"));
        assertTrue(mismatch(rank3, FakeEngineIo.pose(true)).getMessage().contains("[1, 3, -1, -1]"));
    }

    @Test
    void shapeOutsideTheOptimisationProfileIsMismatch() {
        BackendException e = mismatch(spec("input", 2048, 24, "heatmaps"), FakeEngineIo.pose(true));
        assertTrue(e.getMessage().contains("optimisation profile rejects shape [1, 3, 2048, 24]"), e.getMessage());
    }

    @Test
    void nonFloatRequestedOutputIsMismatchButUnrequestedOneIsKept() {
        IoTensor mask = new IoTensor("mask", false, null, "kINT8", new long[] {1, 1, 4, 6});
        FakeEngineIo io = FakeEngineIo.pose(false).with(mask);
        BackendException e = mismatch(spec("input", 16, 24, "mask"), io);
        assertTrue(e.getMessage().contains("output 'mask' is kINT8"), e.getMessage());
        ResolvedBindings r = BindingResolver.resolve(spec("input", 16, 24, "heatmaps"), io);
        assertEquals(List.of("heatmaps", "pafs", "mask"), r.outputs().stream().map(TensorInfo::name).toList());
    }

    @Test
    void secondInputIsRejected() {
        FakeEngineIo io = FakeEngineIo.pose(false).with(FakeEngineIo.tensor("scale", true, 1, 1, 1));
        assertTrue(mismatch(spec("input", 16, 24, "heatmaps"), io).getMessage().contains("has 2 inputs, one is supported"));
    }

    @Test
    void outputStillDynamicAfterSettingTheInputIsMismatch() {
        IoTensor odd = new IoTensor("boxes", false, ElementType.FLOAT32, "kFLOAT", new long[] {-1, 4});
        FakeEngineIo io = new FakeEngineIo(List.of(FakeEngineIo.tensor("input", true, -1, -1, 3), odd), 512) {
            @Override
            public long[] contextShape(String name) {
                return name.equals("boxes") ? new long[] {-1, 4} : super.contextShape(name);
            }
        };
        assertTrue(mismatch(spec("input", 16, 24, "boxes"), io).getMessage().contains("output 'boxes' still has dynamic shape [-1, 4]"));
    }
}
