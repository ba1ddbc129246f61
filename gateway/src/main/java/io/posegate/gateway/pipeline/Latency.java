package io.posegate.gateway.pipeline;

/** Per-stage wall time of one frame, in milliseconds. */
public record Latency(double decode, double preprocess, double infer, double group, double total) {
}
