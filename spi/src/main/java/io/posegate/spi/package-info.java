/**
 * The backend SPI of PoseGate. It depends only on the JDK.
 *
 * <p>A {@link io.posegate.spi.BackendProvider} is discovered with {@link java.util.ServiceLoader},
 * probed with {@link io.posegate.spi.BackendProvider#probe()} (cheap, never throws) and asked to
 * {@link io.posegate.spi.BackendProvider#open open} a {@link io.posegate.spi.ModelSpec}, which yields a
 * {@link io.posegate.spi.BackendSession}. Sessions run one {@link io.posegate.spi.Tensor} in and return
 * named tensors out in an {@link io.posegate.spi.InferenceResult}. Every failure is a
 * {@link io.posegate.spi.BackendException} carrying an {@link io.posegate.spi.ErrorCode}.
 * Backends only run tensors: pre-processing and grouping live elsewhere and are shared.
 */
package io.posegate.spi;
