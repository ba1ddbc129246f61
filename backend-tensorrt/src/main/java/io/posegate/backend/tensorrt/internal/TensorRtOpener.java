package io.posegate.backend.tensorrt.internal;

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
import java.nio.file.Files;
import java.util.function.Supplier;
import org.bytedeco.tensorrt.nvinfer.IExecutionContext;

/**
 * Opens a session: loads TensorRT, selects the GPU, gets an engine (a serialised one, or one built from
 * ONNX through the {@link EngineCache}), takes one execution context, resolves the bindings and allocates
 * the buffers. Blocking; called by the provider on a worker thread. The calling thread's current CUDA device
 * becomes the selected one.
 */
public final class TensorRtOpener {
    private static final System.Logger LOG = System.getLogger(TensorRtOpener.class.getName());

    private TensorRtOpener() {
    }

    /** Where an engine comes from: a key naming the plan on one device, and how to load it. */
    private record Source(String key, Supplier<EngineHandle> load) {
    }

    /** An engine and context lent to a session, and how to give them back. */
    private record Acquired(EngineHandle engine, IExecutionContext context, Runnable giveBack) {
    }

    /** See {@link io.posegate.spi.BackendProvider#open} for the error codes. */
    public static TensorRtSession open(ModelSpec spec, TensorRtOptions options, BuildProgress progress) {
        NativeTensorRt trt = NativeTensorRt.get();
        GpuInfo gpu = GpuInfo.select(options.device());
        Source source = spec.format() == ModelFormat.ONNX ? OnnxSource.of(trt, gpu, spec, options, progress) : engineFile(trt, gpu, spec);
        Acquired acquired = acquire(trt, gpu, source);
        BoundContext context = null;
        try {
            context = trt.generation.bind(acquired.engine().engine, acquired.context());
            ResolvedBindings bindings = BindingResolver.resolve(spec, context);
            LOG.log(System.Logger.Level.INFO, "TensorRT {0} ({1}) opened {2} on {3}: {4}", trt.version, trt.generation.name(),
                    spec.file(), gpu.device(), bindings);
            return new TensorRtSession(gpu.device(), bindings, new CudaExecutor(gpu.index(), context, bindings, acquired.giveBack()));
        } catch (RuntimeException e) {
            if (context != null) {
                context.release();
            }
            acquired.giveBack().run();
            throw e;
        }
    }

    private static Acquired acquire(NativeTensorRt trt, GpuInfo gpu, Source source) {
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

    private static Source engineFile(NativeTensorRt trt, GpuInfo gpu, ModelSpec spec) {
        byte[] plan;
        try {
            plan = Files.readAllBytes(spec.file());
        } catch (IOException e) {
            throw new BackendException(ErrorCode.MODEL_NOT_FOUND, "cannot read engine file " + spec.file() + ": " + e, e);
        }
        return new Source(Sha256.hex(plan) + "@cuda" + gpu.index(), () -> EngineHandle.deserialize(trt, plan).orElseThrow(
                () -> new BackendException(ErrorCode.MODEL_INVALID, "TensorRT " + trt.version + " cannot deserialise engine "
                        + spec.file() + " on " + gpu.name() + "; engines only load on the TensorRT version and GPU they were built for")));
    }

    /** Engines built from ONNX, through the cache. */
    private static final class OnnxSource {
        private OnnxSource() {
        }

        static Source of(NativeTensorRt trt, GpuInfo gpu, ModelSpec spec, TensorRtOptions options, BuildProgress progress) {
            OnnxEngineBuilder builder = new OnnxEngineBuilder(trt);
            Precision precision = options.fp16().precision(trt.fastFp16(gpu.index(), builder::platformHasFastFp16));
            EngineCacheKey key;
            try {
                key = new EngineCacheKey(Sha256.ofFile(spec.file()), trt.version.toString(), gpu.name(), gpu.computeCapability(),
                        precision, spec.inputShape());
            } catch (IOException e) {
                throw new BackendException(ErrorCode.MODEL_NOT_FOUND, "cannot read ONNX model " + spec.file() + ": " + e, e);
            }
            EngineCache cache = new EngineCache(options.cacheDir());
            return new Source(key.id() + "@cuda" + gpu.index(), () -> cachedOrBuilt(trt, builder, cache, key, spec, options, progress));
        }

        private static EngineHandle cachedOrBuilt(NativeTensorRt trt, OnnxEngineBuilder builder, EngineCache cache, EngineCacheKey key,
                                                  ModelSpec spec, TensorRtOptions options, BuildProgress progress) {
            var cached = cache.load(key).flatMap(plan -> EngineHandle.deserialize(trt, plan));
            if (cached.isPresent()) {
                LOG.log(System.Logger.Level.INFO, "using cached engine {0} for {1}", cache.entry(key), spec.file());
                return cached.get();
            }
            cache.invalidate(key);
            LOG.log(System.Logger.Level.INFO, "building TensorRT engine for {0} ({1}); this can take minutes", spec.file(), key);
            byte[] plan = builder.build(spec, key.precision(), options.workspaceBytes(), progress);
            try {
                progress.phaseStarted("write cache", null, 0);
                cache.store(key, plan);
                progress.phaseFinished("write cache");
            } catch (java.io.UncheckedIOException e) {
                LOG.log(System.Logger.Level.WARNING, "engine not cached: {0}", e.getMessage());
            }
            return EngineHandle.deserialize(trt, plan).orElseThrow(() -> new BackendException(ErrorCode.MODEL_INVALID,
                    "TensorRT cannot deserialise the engine it just built from " + spec.file()));
        }
    }
}
