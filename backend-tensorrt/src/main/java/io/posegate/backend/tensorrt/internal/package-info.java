/**
 * Everything that touches bytedeco's tensorrt and cuda presets: loading, the CUDA device, buffers and stream, the
 * ONNX engine build and the session opener, plus one {@link io.posegate.backend.tensorrt.internal.TrtGeneration}
 * per TensorRT API generation, compiled from a profile-specific source folder ({@code src/trt10/java} or
 * {@code src/trt8/java}). Not an API: only {@link io.posegate.backend.tensorrt.internal.TensorRtOpener} is used from
 * outside, by the provider.
 */
package io.posegate.backend.tensorrt.internal;
