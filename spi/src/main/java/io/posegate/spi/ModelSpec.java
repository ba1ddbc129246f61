package io.posegate.spi;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What a backend needs to open a model: the file, its format, and the tensors the gateway will
 * exchange with it. The gateway builds this from a model descriptor; backends never read descriptors.
 *
 * @param format      the file format; the provider rejects formats its probe does not list
 * @param file        the model file (for OpenVINO IR the {@code .xml}; its {@code .bin} sits beside it)
 * @param inputName   the input tensor the gateway feeds
 * @param inputShape  the concrete input shape the gateway feeds, in the layout the model declares (NCHW or
 *                    NHWC); used to fix dynamic dimensions. The element type is the input tensor's own
 * @param outputNames the outputs the gateway reads; the session checks they exist
 * @param maxBatch    the largest batch the gateway may run at once (1: never batches). {@code inputShape} is
 *                    one item (batch 1); a session that can batch (the model's first input dimension is
 *                    dynamic and the backend supports it) accepts inputs of 1 to {@code maxBatch} items and
 *                    reports it in {@link BackendSession#maxBatch()}; one that cannot opens with batch 1
 */
public record ModelSpec(ModelFormat format, Path file, String inputName, long[] inputShape, List<String> outputNames,
                        int maxBatch) {
    public ModelSpec {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        requireNonNull(format, "format is null");
        requireNonNull(file, "file is null");
        requireNonNull(inputName, "inputName is null");
        inputShape = requireNonNull(inputShape, "inputShape is null").clone();
        outputNames = List.copyOf(requireNonNull(outputNames, "outputNames is null"));
    }

    /** A spec that never batches. */
    public ModelSpec(ModelFormat format, Path file, String inputName, long[] inputShape, List<String> outputNames) {
        this(format, file, inputName, inputShape, outputNames, 1);
    }

    /** The same spec allowing batches of up to {@code max} items. */
    public ModelSpec withMaxBatch(int max) {
        return new ModelSpec(format, file, inputName, inputShape, outputNames, max);
    }

    /** {@link #inputShape()} with its first (batch) dimension set to {@code n}. */
    public long[] inputShape(int n) {
        long[] s = inputShape.clone();
        s[0] = n;
        return s;
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpec m && format.equals(m.format) && file.equals(m.file) && inputName.equals(m.inputName)
                && Arrays.equals(inputShape, m.inputShape) && outputNames.equals(m.outputNames) && maxBatch == m.maxBatch;
    }

    @Override
    public int hashCode() {
        return file.hashCode() * 31 + Arrays.hashCode(inputShape);
    }

    @Override
    public String toString() {
        return "ModelSpec[" + format.id() + " " + file + " in=" + inputName + Arrays.toString(inputShape) + " out=" + outputNames
                + (maxBatch > 1 ? " maxBatch=" + maxBatch : "") + "]";
    }
}
