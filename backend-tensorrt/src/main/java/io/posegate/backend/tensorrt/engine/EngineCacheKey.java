package io.posegate.backend.tensorrt.engine;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Everything a built TensorRT engine depends on. An engine is only valid for the exact model, TensorRT
 * version, GPU model (and compute capability), precision and input shape it was built for, so any change of
 * one of them yields another {@link #id()}. Immutable and thread-safe.
 *
 * @param modelSha256       hex SHA-256 of the ONNX file's bytes
 * @param tensorRtVersion   the loaded libnvinfer's version, e.g. {@code "10.15.1"}
 * @param gpuName           the device name CUDA reports, e.g. {@code "NVIDIA Tegra X1"}
 * @param computeCapability {@code major.minor}, e.g. {@code "5.3"}
 * @param precision         the precision the engine is built with
 * @param inputShape        the concrete input shape the engine's optimisation profile is fixed to
 */
public record EngineCacheKey(String modelSha256, String tensorRtVersion, String gpuName, String computeCapability,
                             Precision precision, long[] inputShape) {
    private static final String FORMAT = "posegate-tensorrt-engine-key/1";

    public EngineCacheKey {
        requireNonNull(modelSha256, "modelSha256 is null");
        requireNonNull(tensorRtVersion, "tensorRtVersion is null");
        requireNonNull(gpuName, "gpuName is null");
        requireNonNull(computeCapability, "computeCapability is null");
        requireNonNull(precision, "precision is null");
        inputShape = requireNonNull(inputShape, "inputShape is null").clone();
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    /** The key as canonical text, one {@code name=value} per line; also written beside the cached engine. */
    public String describe() {
        return FORMAT + "\nmodel.sha256=" + modelSha256 + "\ntensorrt=" + tensorRtVersion + "\ngpu=" + gpuName
                + "\ncompute=" + computeCapability + "\nprecision=" + precision + "\ninput=" + Arrays.toString(inputShape) + "\n";
    }

    /** The cache entry's identity: the hex SHA-256 of {@link #describe()}. */
    public String id() {
        return Sha256.hex(describe().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineCacheKey k && describe().equals(k.describe());
    }

    @Override
    public int hashCode() {
        return describe().hashCode();
    }

    @Override
    public String toString() {
        return "EngineCacheKey[" + id().substring(0, 12) + " trt=" + tensorRtVersion + " gpu=" + gpuName + " sm"
                + computeCapability + " " + precision + " " + Arrays.toString(inputShape) + "]";
    }
}
