package io.posegate.backend.openvino;

import io.posegate.backend.openvino.internal.OvCompiledModel;
import io.posegate.backend.openvino.internal.OvModel;
import io.posegate.backend.openvino.internal.OvPort;
import io.posegate.backend.openvino.internal.OvRuntime;
import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Opens a {@link ModelSpec} on a loaded runtime: checks files and device, reads the model, fixes the
 * input shape, checks names, compiles and creates the infer requests. Frees what it made if any step fails.
 */
final class SessionOpener {
    private static final Set<String> VIRTUAL_DEVICES = Set.of("AUTO", "HETERO", "MULTI", "BATCH");

    private SessionOpener() {
    }

    static OpenVinoSession open(OvRuntime runtime, ModelSpec spec, OpenVinoOptions options) {
        Path file = spec.file();
        if (!Files.isRegularFile(file)) {
            throw new BackendException(ErrorCode.MODEL_NOT_FOUND, "model file " + file + " not found");
        }
        Path weights = ModelFormat.OPENVINO_IR.equals(spec.format()) ? weightsOf(file) : null;
        checkDevice(runtime, options.device());
        try (OvModel model = OvModel.read(runtime, file, weights)) {
            OvPort input = find(model.inputs(), spec.inputName(), "input", file);
            if (input.type() == null) {
                throw new BackendException(ErrorCode.MODEL_MISMATCH, "input '" + input.name() + "' of " + file
                        + " has OpenVINO element type code " + input.typeCode() + ", which PoseGate does not feed");
            }
            if (!Arrays.equals(input.shape(), spec.inputShape())) {
                model.reshapeInput(input.name(), spec.inputShape());
            }
            List<OvPort> outputs = model.outputs();
            List<OvPort> wanted = wantedOutputs(outputs, spec, file);
            OvCompiledModel compiled = model.compile(options.device(), options.compileProperties());
            List<RequestSlot> slots = new ArrayList<>();
            try {
                for (int i = 0; i < options.inferRequests(); i++) {
                    slots.add(RequestSlot.create(compiled, wanted));
                }
            } catch (RuntimeException e) {
                slots.forEach(RequestSlot::close);
                compiled.close();
                throw e;
            }
            OvPort fixedInput = find(model.inputs(), spec.inputName(), "input", file);
            return new OpenVinoSession(options.device(), runtime, fixedInput, model.inputs(), outputs, compiled, slots);
        }
    }

    private static Path weightsOf(Path xml) {
        String name = xml.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path bin = xml.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".bin");
        if (!Files.isRegularFile(bin)) {
            throw new BackendException(ErrorCode.MODEL_NOT_FOUND, "weights " + bin + " of IR " + xml + " not found");
        }
        return bin;
    }

    private static void checkDevice(OvRuntime runtime, String device) {
        String upper = device.toUpperCase(Locale.ROOT);
        String family = upper.split("[:.]", 2)[0];
        if (VIRTUAL_DEVICES.contains(family)) {
            return;
        }
        boolean present = runtime.devices().stream()
                .anyMatch(d -> d.equalsIgnoreCase(device) || (!upper.contains(".") && d.toUpperCase(Locale.ROOT).split("\\.", 2)[0].equals(family)));
        if (!present) {
            throw new BackendException(ErrorCode.DEVICE_UNAVAILABLE, "OpenVINO device '" + device + "' is not available; OpenVINO "
                    + runtime.version() + " at " + runtime.library() + " found " + runtime.devices());
        }
    }

    private static OvPort find(List<OvPort> ports, String name, String kind, Path file) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new BackendException(
                ErrorCode.MODEL_MISMATCH, kind + " '" + name + "' not found in " + file + "; its " + kind + "s are "
                        + ports.stream().map(OvPort::name).toList()));
    }

    private static List<OvPort> wantedOutputs(List<OvPort> outputs, ModelSpec spec, Path file) {
        List<String> missing = spec.outputNames().stream()
                .filter(n -> outputs.stream().noneMatch(p -> p.name().equals(n))).toList();
        if (!missing.isEmpty()) {
            throw new BackendException(ErrorCode.MODEL_MISMATCH, "output(s) " + missing + " not found in " + file
                    + "; its outputs are " + outputs.stream().map(OvPort::name).toList());
        }
        List<OvPort> wanted = outputs.stream().filter(p -> spec.outputNames().contains(p.name())).toList();
        for (OvPort p : wanted) {
            if (!p.isStatic() || p.type() == null) {
                throw new BackendException(ErrorCode.MODEL_MISMATCH, "output '" + p.name() + "' of " + file + " has shape "
                        + Arrays.toString(p.shape()) + " and element type code " + p.typeCode()
                        + " after fixing the input to " + Arrays.toString(spec.inputShape())
                        + "; the openvino backend needs static FLOAT32/FLOAT16/INT32/INT64 outputs");
            }
        }
        return wanted;
    }
}
