package io.posegate.backend.tensorrt.internal;

import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyAsync;
import static org.bytedeco.cuda.global.cudart.cudaSetDevice;
import static org.bytedeco.cuda.global.cudart.cudaStreamCreate;
import static org.bytedeco.cuda.global.cudart.cudaStreamDestroy;
import static org.bytedeco.cuda.global.cudart.cudaStreamSynchronize;

import io.posegate.backend.tensorrt.engine.GpuExecutor;
import io.posegate.backend.tensorrt.engine.ResolvedBindings;
import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Runs frames on one execution context: device buffers for every IO tensor and host direct buffers for the
 * requested outputs are allocated once here and their addresses bound once; each frame is an async copy in,
 * an enqueue, async copies out and one stream synchronisation. One thread at a time.
 *
 * <p>A frame allocates nothing on the Java heap when the input buffer is one of the last
 * {@link #RECENT_INPUTS} distinct buffer objects it was given (the session passes one view per input
 * tensor, and keeps as many): a {@link BytePointer} is kept per such buffer, the least recently used closed and
 * replaced first, and the call names in error messages are made once, here.
 */
final class CudaExecutor implements GpuExecutor {
    private static final int HOST_TO_DEVICE = 1;
    private static final int DEVICE_TO_HOST = 2;

    private final int device;
    private final BoundContext context;
    private final Runnable releaseTensorRt;
    private final CUstream_st stream = new CUstream_st();
    private final List<Pointer> deviceBuffers = new ArrayList<>();
    private final Pointer inputDevice;
    private final long inputBytes;
    private final Map<String, Copy> outputs = new LinkedHashMap<>();
    private final String setDeviceCall;
    private Copy[] copies = new Copy[0];
    /** Recent input buffers and the pointers over them; {@link #inputUse}: when each was last used (a counter). */
    private final ByteBuffer[] inputs = new ByteBuffer[RECENT_INPUTS];
    private final BytePointer[] inputPointers = new BytePointer[RECENT_INPUTS];
    private final long[] inputUse = new long[RECENT_INPUTS];
    private long uses;
    private boolean closed;

    /** {@code call}: the name of this output's copy in error messages, made once. */
    private record Copy(ByteBuffer host, BytePointer hostPointer, Pointer device, long bytes, String call) {
    }

    /**
     * Allocates the buffers on CUDA device {@code device} and binds them to {@code context}. {@link #close()} frees
     * them and then runs {@code releaseTensorRt} (which gives the context and engine back). If the constructor
     * fails it frees its own buffers only; the caller still owns the TensorRT objects.
     */
    CudaExecutor(int device, BoundContext context, ResolvedBindings bindings, Runnable releaseTensorRt) {
        this.device = device;
        this.context = context;
        this.releaseTensorRt = releaseTensorRt;
        this.setDeviceCall = "cudaSetDevice(" + device + ")";
        try {
            Cuda.check(cudaStreamCreate(stream), "cudaStreamCreate", ErrorCode.DEVICE_UNAVAILABLE);
            inputBytes = bindings.input().type().byteSize() * count(bindings.input());
            inputDevice = allocate(bindings.input().name(), inputBytes);
            for (TensorInfo out : bindings.outputs()) {
                boolean requested = bindings.requested().contains(out.name());
                long bytes = count(out) * (requested ? out.type().byteSize() : Long.BYTES);
                Pointer buffer = allocate(out.name(), bytes);
                if (requested) {
                    ByteBuffer host = ByteBuffer.allocateDirect(Math.toIntExact(bytes)).order(ByteOrder.nativeOrder());
                    outputs.put(out.name(), new Copy(host, new BytePointer(host), buffer, bytes,
                            "cudaMemcpyAsync(output '" + out.name() + "')"));
                }
            }
            copies = outputs.values().toArray(new Copy[0]);
        } catch (RuntimeException e) {
            freeCuda();
            throw e;
        }
    }

    private Pointer allocate(String name, long bytes) {
        Pointer p = new Pointer();
        Cuda.check(cudaMalloc(p, Math.max(bytes, 1)), "cudaMalloc(" + bytes + " bytes for '" + name + "')", ErrorCode.DEVICE_UNAVAILABLE);
        deviceBuffers.add(p);
        context.setAddress(name, p);
        return p;
    }

    @Override
    public void execute(ByteBuffer input) {
        if (input.remaining() != inputBytes) {
            throw new BackendException(ErrorCode.INVALID_INPUT, "input holds " + input.remaining() + " bytes, the engine needs " + inputBytes);
        }
        BytePointer in = pointerTo(input);
        Cuda.check(cudaSetDevice(device), setDeviceCall, ErrorCode.INFERENCE_FAILED);
        Cuda.check(cudaMemcpyAsync(inputDevice, in, inputBytes, HOST_TO_DEVICE, stream), "cudaMemcpyAsync(input)", ErrorCode.INFERENCE_FAILED);
        if (!context.enqueue(stream)) {
            throw new BackendException(ErrorCode.INFERENCE_FAILED, "TensorRT enqueue failed (see the TensorRT log)");
        }
        for (Copy c : copies) {
            Cuda.check(cudaMemcpyAsync(c.hostPointer(), c.device(), c.bytes(), DEVICE_TO_HOST, stream), c.call(), ErrorCode.INFERENCE_FAILED);
        }
        Cuda.check(cudaStreamSynchronize(stream), "cudaStreamSynchronize", ErrorCode.INFERENCE_FAILED);
    }

    /**
     * A pointer at {@code input}'s position, made once per distinct buffer object while it is kept (the least recently
     * used one is closed to make room).
     */
    private BytePointer pointerTo(ByteBuffer input) {
        int victim = 0;
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == input) {
                inputUse[i] = ++uses;
                return inputPointers[i].position(input.position()).limit(input.limit());
            }
            if (inputUse[i] < inputUse[victim]) {
                victim = i;
            }
        }
        BytePointer made = new BytePointer(input);
        if (inputPointers[victim] != null) {
            inputPointers[victim].close();
        }
        inputs[victim] = input;
        inputPointers[victim] = made;
        inputUse[victim] = ++uses;
        return made.position(input.position()).limit(input.limit());
    }

    private void closeInputPointers() {
        for (int i = 0; i < inputs.length; i++) {
            if (inputPointers[i] != null) {
                inputPointers[i].close();
            }
            inputPointers[i] = null;
            inputs[i] = null;
        }
    }

    @Override
    public ByteBuffer hostOutput(String name) {
        Copy c = outputs.get(name);
        if (c == null) {
            throw new IllegalArgumentException("output '" + name + "' is not copied to the host; requested: " + outputs.keySet());
        }
        return c.host();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        freeCuda();
        releaseTensorRt.run();
    }

    private void freeCuda() {
        cudaSetDevice(device);
        if (!stream.isNull()) {
            cudaStreamSynchronize(stream);
            cudaStreamDestroy(stream);
            stream.setNull();
        }
        deviceBuffers.forEach(p -> cudaFree(p));
        deviceBuffers.clear();
        outputs.values().forEach(c -> c.hostPointer().close());
        closeInputPointers();
        context.release();
    }

    private static long count(TensorInfo t) {
        long n = 1;
        for (long d : t.shape()) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }
}
