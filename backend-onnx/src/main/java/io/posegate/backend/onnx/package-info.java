/**
 * The {@code onnx} backend: ONNX Runtime Java behind the PoseGate SPI.
 *
 * <p>{@link io.posegate.backend.onnx.OnnxBackendProvider} is found by {@link java.util.ServiceLoader};
 * its probe looks for ONNX Runtime's classes and native libraries without loading them.
 * {@link io.posegate.backend.onnx.OnnxBackendSession} feeds the caller's direct input buffer to ORT
 * without copying and has ORT write outputs into direct buffers it allocates once per run slot.
 */
package io.posegate.backend.onnx;
