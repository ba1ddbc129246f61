/**
 * The TensorRT backend: {@link io.posegate.backend.tensorrt.TensorRtBackendProvider} (name {@code tensorrt},
 * priority 300) with its file-only probe, options and session. Sub-packages: {@code engine} (engine cache and
 * keys, IO description and binding resolution, build progress; pure Java) and {@code internal} (everything that
 * touches bytedeco's tensorrt and cuda presets, including one binding per TensorRT API generation).
 */
package io.posegate.backend.tensorrt;
