package io.posegate.backend.tensorrt.internal;

import io.posegate.backend.tensorrt.engine.TensorRtOptions;
import io.posegate.backend.tensorrt.engine.BuildProgress;
import io.posegate.backend.tensorrt.engine.EngineCache;
import io.posegate.backend.tensorrt.engine.EngineCacheKey;
import io.posegate.backend.tensorrt.engine.Precision;
import io.posegate.backend.tensorrt.engine.Sha256;
import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Engines built from ONNX: the precision from option {@code fp16} and the GPU, the {@link EngineCacheKey}, then the
 * cached engine, or a build that is written to the cache. A cache entry that cannot be read (see
 * {@link EngineCache#load}) or that TensorRT cannot deserialise is rebuilt; a cache that cannot be written is a
 * warning. Blocking.
 */
final class OnnxEngines {
    private static final System.Logger LOG = System.getLogger(OnnxEngines.class.getName());

    private OnnxEngines() {
    }

    /** The source of the engine for {@code spec}; loads the ONNX parser and hashes the model now, builds only when loaded. */
    static EngineSource source(NativeTensorRt trt, GpuInfo gpu, ModelSpec spec, TensorRtOptions options, BuildProgress progress) {
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
        return new EngineSource(key.id() + "@cuda" + gpu.index(), () -> cachedOrBuilt(trt, builder, cache, key, spec, options, progress));
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
        } catch (UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "engine not cached: {0}", e.getMessage());
        }
        return EngineHandle.deserialize(trt, plan).orElseThrow(() -> new BackendException(ErrorCode.MODEL_INVALID,
                "TensorRT cannot deserialise the engine it just built from " + spec.file()));
    }
}
