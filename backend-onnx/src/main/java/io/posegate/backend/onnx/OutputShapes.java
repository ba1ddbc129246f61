package io.posegate.backend.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.posegate.spi.BackendException;
import io.posegate.spi.ElementType;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Tensor;
import io.posegate.spi.TensorInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Resolves dynamic output dimensions by running one warm-up frame (zeros, at the spec's input shape) and
 * reading the shapes ONNX Runtime produced. The warm-up also pays ORT's first-run cost inside {@code open}.
 */
final class OutputShapes {
    private OutputShapes() {
    }

    /**
     * All model outputs, with the {@code requested} ones given their concrete shapes.
     *
     * @throws OrtException if the warm-up run fails
     */
    static List<TensorInfo> resolve(OrtSessions.Opened ort, ModelSpec spec, ElementType inputType,
                                    List<TensorInfo> requested, List<TensorInfo> all) throws OrtException {
        Tensor zeros = Tensor.allocate(spec.inputName(), inputType, spec.inputShape());
        List<String> names = requested.stream().map(TensorInfo::name).toList();
        List<TensorInfo> resolved = new ArrayList<>();
        try (OnnxTensor in = OnnxTensor.createTensor(ort.env(), zeros.buffer(), zeros.shape(), OrtTypes.javaType(inputType));
             OrtSession.Result r = ort.session().run(Map.of(spec.inputName(), in), new LinkedHashSet<>(names))) {
            for (TensorInfo declared : all) {
                OnnxValue v = names.contains(declared.name()) ? r.get(declared.name()).orElseThrow() : null;
                resolved.add(v instanceof OnnxTensor t
                        ? new TensorInfo(declared.name(), declared.type(), t.getInfo().getShape()) : declared);
            }
        }
        for (TensorInfo t : resolved) {
            if (names.contains(t.name()) && Tensor.elementCount(t.shape()) == 0) {
                throw new BackendException(ErrorCode.MODEL_MISMATCH, "output '" + t.name() + "' of model " + spec.file()
                        + " is empty for input shape " + java.util.Arrays.toString(spec.inputShape()));
            }
        }
        return resolved;
    }

    /** The entries of {@code outputs} named in {@code names}, in the model's order. */
    static List<TensorInfo> requested(List<TensorInfo> outputs, List<String> names) {
        return outputs.stream().filter(t -> names.contains(t.name())).toList();
    }
}
