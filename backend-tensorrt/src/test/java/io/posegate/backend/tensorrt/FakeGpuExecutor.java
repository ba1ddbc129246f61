package io.posegate.backend.tensorrt;

import io.posegate.backend.tensorrt.engine.GpuExecutor;
import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test double of {@link GpuExecutor} (no GPU on the build machine): "runs" an engine whose every output element
 * is the sum of the input's floats plus the output's index, into host buffers allocated once. Counts runs and
 * closes, and fails a run on demand. A run allocates nothing, so allocation tests count the session alone.
 */
final class FakeGpuExecutor implements GpuExecutor {
    private final Map<String, ByteBuffer> outputs = new LinkedHashMap<>();
    private final ByteBuffer[] inOrder;
    int runs;
    /** The distinct input buffer objects executed (by identity): the real executor keeps a pointer per such buffer. */
    final java.util.Set<ByteBuffer> inputBuffers = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    int closes;
    boolean failNext;

    FakeGpuExecutor(Map<String, Integer> outputElements) {
        outputElements.forEach((name, n) -> outputs.put(name, ByteBuffer.allocateDirect(n * 4).order(ByteOrder.nativeOrder())));
        inOrder = outputs.values().toArray(new ByteBuffer[0]);
    }

    @Override
    public void execute(ByteBuffer input) {
        if (failNext) {
            failNext = false;
            throw new BackendException(ErrorCode.INFERENCE_FAILED, "fake enqueue failure");
        }
        float sum = 0;
        for (int i = 0; i < input.remaining() / 4; i++) {
            sum += input.getFloat(i * 4);
        }
        int k = 0;
        for (ByteBuffer out : inOrder) {
            for (int i = 0; i < out.capacity() / 4; i++) {
                out.putFloat(i * 4, sum + k);
            }
            k++;
        }
        inputBuffers.add(input);
        runs++;
    }

    @Override
    public ByteBuffer hostOutput(String name) {
        return outputs.get(name);
    }

    @Override
    public void close() {
        closes++;
    }
}
