/**
 * The {@code simulated} backend: the demo's stand-in for a pose network, discovered through the SPI
 * ({@code META-INF/services/io.posegate.spi.BackendProvider}) like every backend. It reads the joint
 * markers the demo scene paints ({@link io.posegate.grouping.synth.MarkerCode}) from the input tensor and
 * renders the heatmaps and PAFs a perfect network would output ({@link io.posegate.grouping.synth.TargetRenderer}).
 * Its model format, {@code simulated} ({@code .sim.properties}), is declared by
 * {@link io.posegate.backend.simulated.SimulatedBackendProvider#FORMAT}, not by the SPI. Depends on
 * {@code spi} and {@code grouping} only.
 */
package io.posegate.backend.simulated;
