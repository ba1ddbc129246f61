/**
 * Pure-Java parts of the TensorRT backend that need no GPU: the engine cache ({@link
 * io.posegate.backend.tensorrt.engine.EngineCache}, {@link io.posegate.backend.tensorrt.engine.EngineCacheKey}),
 * the description of an engine's IO and the resolution of a model spec onto it ({@link
 * io.posegate.backend.tensorrt.engine.EngineIo}, {@link io.posegate.backend.tensorrt.engine.BindingResolver}), build
 * progress reporting and the executor seam between sessions and CUDA.
 */
package io.posegate.backend.tensorrt.engine;
