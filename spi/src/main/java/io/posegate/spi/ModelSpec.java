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
 */
public record ModelSpec(ModelFormat format, Path file, String inputName, long[] inputShape, List<String> outputNames) {
    public ModelSpec {
        requireNonNull(format, "format is null");
        requireNonNull(file, "file is null");
        requireNonNull(inputName, "inputName is null");
        inputShape = requireNonNull(inputShape, "inputShape is null").clone();
        outputNames = List.copyOf(requireNonNull(outputNames, "outputNames is null"));
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpec m && format.equals(m.format) && file.equals(m.file) && inputName.equals(m.inputName)
                && Arrays.equals(inputShape, m.inputShape) && outputNames.equals(m.outputNames);
    }

    @Override
    public int hashCode() {
        return file.hashCode() * 31 + Arrays.hashCode(inputShape);
    }

    @Override
    public String toString() {
        return "ModelSpec[" + format.id() + " " + file + " in=" + inputName + Arrays.toString(inputShape) + " out=" + outputNames + "]";
    }
}
