package io.posegate.backend.onnx;

import ai.onnxruntime.NodeInfo;
import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@link ModelSpec} against what an opened ONNX model declares. Every failure is a
 * {@link ErrorCode#MODEL_MISMATCH} naming the file, the name that is wrong and what the model has instead.
 */
final class ModelCheck {
    private ModelCheck() {
    }

    /** The model's input the spec feeds, after checking its name, type and static dimensions. */
    static TensorInfo input(ModelSpec spec, Map<String, NodeInfo> inputs) {
        List<TensorInfo> tensors = OrtTypes.tensors(inputs);
        TensorInfo input = tensors.stream().filter(t -> t.name().equals(spec.inputName())).findFirst()
                .orElseThrow(() -> mismatch("model " + spec.file() + " has no input '" + spec.inputName()
                        + "'; its inputs: " + OrtTypes.describe(inputs)));
        if (inputs.size() > 1) {
            throw mismatch("model " + spec.file() + " has " + inputs.size() + " inputs " + OrtTypes.describe(inputs)
                    + "; the gateway feeds only '" + spec.inputName() + "'");
        }
        if (!input.accepts(spec.inputShape())) {
            throw mismatch("input '" + input.name() + "' of model " + spec.file() + " has shape "
                    + Arrays.toString(input.shape()) + " but the model spec feeds " + Arrays.toString(spec.inputShape())
                    + (input.shape().length != spec.inputShape().length ? " (rank differs)" : ""));
        }
        return input;
    }

    /** The model's outputs the spec reads, in the model's order, after checking that each exists. */
    static List<TensorInfo> outputs(ModelSpec spec, Map<String, NodeInfo> outputs) {
        List<String> missing = new ArrayList<>(spec.outputNames());
        missing.removeAll(outputs.keySet());
        if (!missing.isEmpty()) {
            throw mismatch("model " + spec.file() + " has no output" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing.stream().map(n -> "'" + n + "'").toList())
                    + "; its outputs: " + OrtTypes.describe(outputs));
        }
        List<TensorInfo> tensors = OrtTypes.tensors(outputs).stream()
                .filter(t -> spec.outputNames().contains(t.name())).toList();
        if (tensors.size() != spec.outputNames().size()) {
            throw mismatch("model " + spec.file() + ": outputs " + spec.outputNames()
                    + " must all be tensors of a supported element type; the model declares " + OrtTypes.describe(outputs));
        }
        return tensors;
    }

    private static BackendException mismatch(String message) {
        return new BackendException(ErrorCode.MODEL_MISMATCH, message);
    }
}
