package io.posegate.backend.tensorrt.engine;

import static java.util.Objects.requireNonNull;

import io.posegate.spi.BackendException;
import io.posegate.spi.ElementType;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Maps a {@link ModelSpec} onto an engine's IO: finds the input and the requested outputs by name, checks
 * ranks, static dimensions and element types, sets the input shape for dynamic dimensions and reads back the
 * concrete output shapes. Every failure is {@link ErrorCode#MODEL_MISMATCH} naming the offending tensor and
 * listing what the engine has. Stateless.
 */
public final class BindingResolver {
    private BindingResolver() {
    }

    public static ResolvedBindings resolve(ModelSpec spec, EngineIo io) {
        requireNonNull(spec, "spec is null");
        requireNonNull(io, "io is null");
        List<IoTensor> tensors = io.tensors();
        IoTensor input = find(tensors, spec.inputName(), true).orElseThrow(() -> mismatch(
                "input '" + spec.inputName() + "' not found in engine " + spec.file().getFileName(), tensors));
        List<IoTensor> inputs = tensors.stream().filter(IoTensor::input).toList();
        if (inputs.size() != 1) {
            throw mismatch("engine " + spec.file().getFileName() + " has " + inputs.size() + " inputs, one is supported", tensors);
        }
        requireFloat(input, tensors);
        long[] shape = spec.inputShape();
        if (!new TensorInfo(input.name(), ElementType.FLOAT32, input.shape()).accepts(shape)) {
            throw mismatch("input '" + input.name() + "' has shape " + Arrays.toString(input.shape()) + " in the engine, "
                    + "the model spec feeds " + Arrays.toString(shape), tensors);
        }
        if (input.dynamic() && !io.setInputShape(input.name(), shape)) {
            throw mismatch("input '" + input.name() + "': the engine's optimisation profile rejects shape "
                    + Arrays.toString(shape), tensors);
        }
        List<IoTensor> requested = new ArrayList<>();
        for (String name : spec.outputNames()) {
            requested.add(find(tensors, name, false).orElseThrow(() -> mismatch("output '" + name + "' not found in engine "
                    + spec.file().getFileName(), tensors)));
        }
        List<TensorInfo> outputs = new ArrayList<>();
        for (IoTensor t : tensors) {
            if (!t.input()) {
                outputs.add(t.info(concrete(io, t, tensors)));
            }
        }
        requested.forEach(t -> requireFloat(t, tensors));
        return new ResolvedBindings(input.info(shape), outputs, spec.outputNames());
    }

    private static long[] concrete(EngineIo io, IoTensor t, List<IoTensor> all) {
        long[] s = io.contextShape(t.name());
        if (Arrays.stream(s).anyMatch(d -> d < 0)) {
            throw mismatch("output '" + t.name() + "' still has dynamic shape " + Arrays.toString(s)
                    + " after setting the input shape", all);
        }
        return s;
    }

    private static void requireFloat(IoTensor t, List<IoTensor> all) {
        if (t.type() != ElementType.FLOAT32) {
            throw mismatch((t.input() ? "input '" : "output '") + t.name() + "' is " + t.typeName()
                    + "; only kFLOAT (FLOAT32) inputs and outputs are supported", all);
        }
    }

    private static Optional<IoTensor> find(List<IoTensor> tensors, String name, boolean input) {
        return tensors.stream().filter(t -> t.name().equals(name) && t.input() == input).findFirst();
    }

    private static BackendException mismatch(String what, List<IoTensor> tensors) {
        return new BackendException(ErrorCode.MODEL_MISMATCH, what + "; engine inputs: "
                + tensors.stream().filter(IoTensor::input).toList() + ", outputs: "
                + tensors.stream().filter(t -> !t.input()).toList());
    }
}
