package io.posegate.backend.tensorrt.engine;

import io.posegate.spi.ElementType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test double of {@link EngineIo}: a pure-Java description of a TensorRT engine's IO, used because no GPU (and so
 * no real engine) exists on the build machine. It models an OpenPose-like engine at stride 4 whose output
 * spatial dimensions follow the input's once the input shape is set, and an optimisation profile that accepts
 * inputs up to {@code maxSide} pixels a side (1024 for {@link #pose}).
 */
class FakeEngineIo implements EngineIo {
    private final List<IoTensor> tensors;
    private final int maxSide;
    private final Map<String, long[]> context = new HashMap<>();
    final List<String> setShapeCalls = new ArrayList<>();

    FakeEngineIo(List<IoTensor> tensors, int maxSide) {
        this.tensors = List.copyOf(tensors);
        this.maxSide = maxSide;
        tensors.forEach(t -> context.put(t.name(), t.shape()));
    }

    /** input [1,3,H,W] and outputs heatmaps [1,19,H/4,W/4], pafs [1,38,H/4,W/4]; H and W dynamic if asked. */
    static FakeEngineIo pose(boolean dynamic) {
        long h = dynamic ? -1 : 16;
        long w = dynamic ? -1 : 24;
        return new FakeEngineIo(List.of(
                tensor("input", true, h, w, 3),
                tensor("heatmaps", false, dynamic ? -1 : 4, dynamic ? -1 : 6, 19),
                tensor("pafs", false, dynamic ? -1 : 4, dynamic ? -1 : 6, 38)), 1024);
    }

    static IoTensor tensor(String name, boolean input, long h, long w, long c) {
        return new IoTensor(name, input, ElementType.FLOAT32, "kFLOAT", new long[] {1, c, h, w});
    }

    FakeEngineIo with(IoTensor extra) {
        List<IoTensor> all = new ArrayList<>(tensors);
        all.add(extra);
        return new FakeEngineIo(all, maxSide);
    }

    @Override
    public List<IoTensor> tensors() {
        return tensors;
    }

    @Override
    public boolean setInputShape(String name, long[] shape) {
        setShapeCalls.add(name);
        if (shape[2] > maxSide || shape[3] > maxSide) {
            return false;
        }
        context.put(name, shape.clone());
        for (IoTensor t : tensors) {
            if (!t.input() && t.dynamic()) {
                long[] s = t.shape();
                context.put(t.name(), new long[] {shape[0], s[1], shape[2] / 4, shape[3] / 4});
            }
        }
        return true;
    }

    @Override
    public long[] contextShape(String name) {
        return context.get(name).clone();
    }
}
