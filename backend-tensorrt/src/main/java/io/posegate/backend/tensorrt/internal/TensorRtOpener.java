package io.posegate.backend.tensorrt.internal;

import static org.bytedeco.tensorrt.global.nvinfer.createInferRuntime;

import io.posegate.backend.tensorrt.TensorRtOptions;
import io.posegate.backend.tensorrt.TensorRtSession;
import io.posegate.backend.tensorrt.engine.BindingResolver;
import io.posegate.backend.tensorrt.engine.BuildProgress;
import io.posegate.backend.tensorrt.engine.EngineCache;
import io.posegate.backend.tensorrt.engine.EngineCacheKey;
import io.posegate.backend.tensorrt.engine.Precision;
import io.posegate.backend.tensorrt.engine.ResolvedBindings;
import io.posegate.backend.tensorrt.engine.Sha256;
import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tensorrt.nvinfer.ICudaEngine;
import org.bytedeco.tensorrt.nvinfer.IExecutionContext;
import org.bytedeco.tensorrt.nvinfer.IRuntime;

/**
 * Opens a session: loads TensorRT, selects the GPU, gets an engine (a serialised one, or one built from
 * ONNX through the {@link EngineCache}), creates one execution context, resolves the bindings and allocates
 * the buffers. Blocking; called by the provider on a worker thread. The calling thread's current CUDA device
 * becomes the selected one.
 */
public final class TensorRtOpener {
    private static final System.Logger LOG = System.getLogger(TensorRtOpener.class.getName());

    private TensorRtOpener() {
    }

    /** See {@link io.posegate.spi.BackendProvider#open} for the error codes. */
    public static TensorRtSession open(ModelSpec spec, TensorRtOptions options, BuildProgress progress) {
        NativeTensorRt trt = NativeTensorRt.get();
        GpuInfo gpu = GpuInfo.select(options.device());
        EngineHandle engine = spec.format() == ModelFormat.ONNX ? fromOnnx(trt, gpu, spec, options, progress)
                : deserialize(trt, read(spec)).orElseThrow(() -> new BackendException(ErrorCode.MODEL_INVALID,
                        "TensorRT " + trt.version + " cannot deserialise engine " + spec.file() + " on " + gpu.name()
                                + "; engines only load on the TensorRT version and GPU they were built for"));
        BoundContext context = null;
        try {
            IExecutionContext ctx = engine.engine.createExecutionContext();
            if (ctx == null || ctx.isNull()) {
                throw new BackendException(ErrorCode.DEVICE_UNAVAILABLE, "TensorRT could not create an execution context for "
                        + spec.file() + " on " + gpu.device() + " (out of GPU memory?)");
            }
            context = trt.generation.bind(engine.engine, ctx);
            ResolvedBindings bindings = BindingResolver.resolve(spec, context);
            LOG.log(System.Logger.Level.INFO, "TensorRT {0} ({1}) opened {2} on {3}: {4}", trt.version, trt.generation.name(),
                    spec.file(), gpu.device(), bindings);
            return new TensorRtSession(gpu.device(), bindings, new CudaExecutor(gpu.index(), engine, context, bindings));
        } catch (RuntimeException e) {
            if (context != null) {
                context.release();
            }
            engine.close();
            throw e;
        }
    }

    private static EngineHandle fromOnnx(NativeTensorRt trt, GpuInfo gpu, ModelSpec spec, TensorRtOptions options,
                                         BuildProgress progress) {
        OnnxEngineBuilder builder = new OnnxEngineBuilder(trt);
        Precision precision = options.fp16().precision(builder.platformHasFastFp16());
        EngineCacheKey key;
        try {
            key = new EngineCacheKey(Sha256.ofFile(spec.file()), trt.version.toString(), gpu.name(), gpu.computeCapability(),
                    precision, spec.inputShape());
        } catch (IOException e) {
            throw new BackendException(ErrorCode.MODEL_NOT_FOUND, "cannot read ONNX model " + spec.file() + ": " + e, e);
        }
        EngineCache cache = new EngineCache(options.cacheDir());
        Optional<EngineHandle> cached = cache.load(key).flatMap(plan -> deserialize(trt, plan));
        if (cached.isPresent()) {
            LOG.log(System.Logger.Level.INFO, "using cached engine {0} for {1}", cache.entry(key), spec.file());
            return cached.get();
        }
        cache.invalidate(key);
        LOG.log(System.Logger.Level.INFO, "building TensorRT engine for {0} ({1}); this can take minutes", spec.file(), key);
        byte[] plan = builder.build(spec, precision, options.workspaceBytes(), progress);
        try {
            progress.phaseStarted("write cache", null, 0);
            cache.store(key, plan);
            progress.phaseFinished("write cache");
        } catch (UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "engine not cached: {0}", e.getMessage());
        }
        return deserialize(trt, plan).orElseThrow(() -> new BackendException(ErrorCode.MODEL_INVALID,
                "TensorRT cannot deserialise the engine it just built from " + spec.file()));
    }

    private static Optional<EngineHandle> deserialize(NativeTensorRt trt, byte[] plan) {
        IRuntime runtime = createInferRuntime(trt.logger);
        if (runtime == null || runtime.isNull()) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "createInferRuntime returned null");
        }
        ICudaEngine engine;
        try (BytePointer bytes = new BytePointer(plan)) {
            engine = runtime.deserializeCudaEngine(bytes, plan.length);
        }
        if (engine == null || engine.isNull()) {
            trt.generation.release(runtime);
            return Optional.empty();
        }
        return Optional.of(new EngineHandle(trt.generation, runtime, engine));
    }

    private static byte[] read(ModelSpec spec) {
        try {
            return Files.readAllBytes(spec.file());
        } catch (IOException e) {
            throw new BackendException(ErrorCode.MODEL_NOT_FOUND, "cannot read engine file " + spec.file() + ": " + e, e);
        }
    }
}
