package io.posegate.backend.tensorrt.internal;

import io.posegate.backend.tensorrt.engine.TensorRtOptions;
import io.posegate.backend.tensorrt.engine.BindingResolver;
import io.posegate.backend.tensorrt.engine.BuildProgress;
import io.posegate.backend.tensorrt.engine.GpuExecutor;
import io.posegate.backend.tensorrt.engine.ResolvedBindings;
import io.posegate.backend.tensorrt.engine.Sha256;
import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import org.bytedeco.tensorrt.nvinfer.IExecutionContext;

/**
 * Opens a session: loads TensorRT, selects the GPU, gets an engine (a serialised one, or one built from
 * ONNX through the engine cache, see {@link OnnxEngines}), takes one execution context, resolves the bindings and allocates
 * the buffers. Blocking; called by the provider on a worker thread. The calling thread's current CUDA device
 * becomes the selected one.
 */
public final class TensorRtOpener {
    private static final System.Logger LOG = System.getLogger(TensorRtOpener.class.getName());

    private TensorRtOpener() {
    }

    /** An engine and context lent to a session, and how to give them back. */
    private record Acquired(EngineHandle engine, IExecutionContext context, Runnable giveBack) {
    }

    /**
     * What a session is made of: the device's name, the resolved bindings and the executor that owns the CUDA
     * context, buffers and stream (closing the executor gives them back).
     */
    public record Opened(String device, ResolvedBindings bindings, GpuExecutor executor) {
    }

    /** See {@link io.posegate.spi.BackendProvider#open} for the error codes. */
    public static Opened open(ModelSpec spec, TensorRtOptions options, BuildProgress progress) {
        NativeTensorRt trt = NativeTensorRt.get();
        GpuInfo gpu = GpuInfo.select(options.device());
        EngineSource source = ModelFormat.ONNX.equals(spec.format()) ? OnnxEngines.source(trt, gpu, spec, options, progress)
                : engineFile(trt, gpu, spec);
        Acquired acquired = acquire(trt, gpu, source);
        BoundContext context = null;
        try {
            context = trt.generation.bind(acquired.engine().engine, acquired.context());
            ResolvedBindings bindings = BindingResolver.resolve(spec, context);
            LOG.log(System.Logger.Level.INFO, "TensorRT {0} ({1}) opened {2} on {3}: {4}", trt.version, trt.generation.name(),
                    spec.file(), gpu.device(), bindings);
            return new Opened(gpu.device(), bindings, new CudaExecutor(gpu.index(), context, bindings, acquired.giveBack()));
        } catch (RuntimeException e) {
            if (context != null) {
                context.release();
            }
            acquired.giveBack().run();
            throw e;
        }
    }

    private static Acquired acquire(NativeTensorRt trt, GpuInfo gpu, EngineSource source) {
        TrtGeneration gen = trt.generation;
        if (!gen.releasesObjects()) {
            RetainedEngines.Lease<EngineHandle, IExecutionContext> lease = trt.retained.acquire(source.key(), source.load(),
                    engine -> createContext(engine, gpu));
            return new Acquired(lease.engine(), lease.context(), () -> trt.retained.giveBack(lease));
        }
        EngineHandle engine = source.load().get();
        try {
            IExecutionContext context = createContext(engine, gpu);
            return new Acquired(engine, context, () -> {
                gen.release(context);
                engine.close();
            });
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    private static IExecutionContext createContext(EngineHandle engine, GpuInfo gpu) {
        IExecutionContext ctx = engine.engine.createExecutionContext();
        if (ctx == null || ctx.isNull()) {
            throw new BackendException(ErrorCode.DEVICE_UNAVAILABLE, "TensorRT could not create an execution context on "
                    + gpu.device() + " (out of GPU memory?)");
        }
        return ctx;
    }

    private static EngineSource engineFile(NativeTensorRt trt, GpuInfo gpu, ModelSpec spec) {
        byte[] plan;
        try {
            plan = Files.readAllBytes(spec.file());
        } catch (IOException e) {
            throw new BackendException(ErrorCode.MODEL_NOT_FOUND, "cannot read engine file " + spec.file() + ": " + e, e);
        }
        return new EngineSource(Sha256.hex(plan) + "@cuda" + gpu.index(), () -> EngineHandle.deserialize(trt, plan).orElseThrow(
                () -> new BackendException(ErrorCode.MODEL_INVALID, "TensorRT " + trt.version + " cannot deserialise engine "
                        + spec.file() + " on " + gpu.name() + "; engines only load on the TensorRT version and GPU they were built for")));
    }
}
