package io.posegate.backend.tensorrt.engine;

/** The arithmetic precision an engine is built with; part of the {@link EngineCacheKey}. */
public enum Precision {
    /** 32-bit floating point kernels only. */
    FP32,
    /** 16-bit floating point kernels allowed (TensorRT's {@code kFP16} builder flag); IO stays FP32. */
    FP16
}
