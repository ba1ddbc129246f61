package io.posegate.backend.openvino;

import io.posegate.backend.openvino.internal.OvCompiledModel;
import io.posegate.backend.openvino.internal.OvModel;
import io.posegate.backend.openvino.internal.OvPort;
import io.posegate.backend.openvino.internal.OvRuntime;
import io.posegate.spi.BackendException;
import io.posegate.spi.ElementType;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Opens a {@link ModelSpec} on a loaded runtime: checks files and device, reads the model, fixes the
 * input shape (all but a dynamic batch dimension, kept dynamic when the spec asks for batches; see
 * {@link InputShapeCheck} for what may be reshaped), checks names, compiles and creates the infer requests. Frees what it made if any step fails, with any throwable.
 */
final class SessionOpener {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SessionOpener.class.getName());
    private static final Set<String> VIRTUAL_DEVICES = Set.of("AUTO", "HETERO", "MULTI", "BATCH");

    private SessionOpener() {
    }

    /** Makes one infer request and its output buffers: {@link RequestSlot#create}, or a test's stand-in that fails. */
    @FunctionalInterface
    interface SlotFactory {
        RequestSlot create(OvCompiledModel compiled, List<OvPort> wanted, int maxBatch);
    }

    static OpenVinoSession open(OvRuntime runtime, ModelSpec spec, OpenVinoOptions options) {
        return open(runtime, spec, options, RequestSlot::create);
    }

    /**
     * As {@link #open(OvRuntime, ModelSpec, OpenVinoOptions)}, making the requests with {@code slots}. Whatever
     * fails after compiling, an {@link Error} included (a direct-memory OutOfMemoryError while allocating output
     * buffers), the requests made so far and the compiled model are freed before it propagates.
     */
    static OpenVinoSession open(OvRuntime runtime, ModelSpec spec, OpenVinoOptions options, SlotFactory slotFactory) {
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
            boolean batch = spec.maxBatch() > 1 && input.shape().length > 0 && input.shape()[0] < 0;
            if (spec.maxBatch() > 1 && !batch) {
                LOG.info("model " + file + " runs one frame at a time: input '" + input.name() + "' has a fixed batch dimension "
                        + Arrays.toString(input.shape()));
            }
            long[] target = batch ? spec.inputShape(-1) : spec.inputShape();
            if (!Arrays.equals(input.shape(), target)) {
                reshape(model, input, target, file);
            }
            List<OvPort> outputs = model.outputs();
            List<OvPort> wanted = wantedOutputs(outputs, spec, file, batch);
            int maxBatch = batch ? spec.maxBatch() : 1;
            OvCompiledModel compiled = model.compile(options.device(), options.compileProperties());
            List<RequestSlot> slots = new ArrayList<>();
            try {
                Map<String, String> settled = SettledProperties.read(compiled, options);
                for (int i = 0; i < options.inferRequests(); i++) {
                    slots.add(slotFactory.create(compiled, wanted, maxBatch));
                }
                OvPort fixedInput = find(model.inputs(), spec.inputName(), "input", file);
                return new OpenVinoSession(options.device(), runtime, fixedInput, model.inputs(), outputs, compiled, slots, maxBatch,
                        settled);
            } catch (RuntimeException | Error e) {
                slots.forEach(RequestSlot::close);
                compiled.close();
                throw e;
            }
        }
    }

    /**
     * Fixes the input to {@code target} after {@link InputShapeCheck}; an OpenVINO refusal is a MODEL_MISMATCH that
     * also states the model's declared shape.
     */
    private static void reshape(OvModel model, OvPort input, long[] target, Path file) {
        long[] declared = input.shape();
        InputShapeCheck.requireReshapable(input.name(), file, declared, target);
        if (!input.isStatic()) {
            LOG.fine(() -> "fixing input '" + input.name() + "' of " + file + " from " + Arrays.toString(declared) + " to "
                    + Arrays.toString(target));
        } else {
            LOG.info("reshaping static input '" + input.name() + "' of " + file + " from " + Arrays.toString(declared) + " to "
                    + Arrays.toString(target));
        }
        try {
            model.reshapeInput(input.name(), target);
        } catch (BackendException e) {
            throw new BackendException(e.code(), "input '" + input.name() + "' of " + file + " declares shape "
                    + Arrays.toString(declared) + "; " + e.getMessage() + "." + InputShapeCheck.layoutHint(declared), e);
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

    /**
     * Checks {@code device} against the devices OpenVINO lists (in its spelling, see {@link DeviceName}); a bare
     * family ({@code GPU}) matches any indexed one. {@code HETERO}, {@code MULTI} and {@code BATCH} run on every
     * device in their list ({@code HETERO:GPU,CPU}), so each must be present. {@code AUTO}'s list is a candidate
     * list: an entry starting with {@code -} excludes that device, and a listed candidate that is absent is passed
     * over, so {@code AUTO:GPU,CPU} needs only one candidate present, and a list of exclusions alone
     * ({@code AUTO:-GPU}) needs one listed device it does not exclude.
     */
    private static void checkDevice(OvRuntime runtime, String device) {
        int colon = device.indexOf(':');
        if (colon < 0) {
            requirePresent(runtime, device, device);
            return;
        }
        String family = device.substring(0, colon);
        List<String> members = Arrays.asList(device.substring(colon + 1).split(","));
        if (family.equals("AUTO")) {
            List<String> candidates = members.stream().filter(m -> !m.startsWith("-")).toList();
            List<String> excluded = members.stream().filter(m -> m.startsWith("-")).map(m -> bare(m.substring(1))).toList();
            if (!candidates.isEmpty() && candidates.stream().noneMatch(c -> present(runtime, c))) {
                throw new BackendException(ErrorCode.DEVICE_UNAVAILABLE, "none of the OpenVINO devices " + candidates
                        + " (in '" + device + "') is available; OpenVINO " + runtime.version() + " at "
                        + runtime.library() + " found " + runtime.devices());
            }
            if (candidates.isEmpty() && runtime.devices().stream().allMatch(d -> excluded.stream().anyMatch(x -> matches(d, x)))) {
                throw new BackendException(ErrorCode.DEVICE_UNAVAILABLE, "'" + device + "' excludes every device OpenVINO "
                        + runtime.version() + " at " + runtime.library() + " found: " + runtime.devices());
            }
            return;
        }
        for (String m : members) {
            requirePresent(runtime, m, device);
        }
    }

    private static void requirePresent(OvRuntime runtime, String member, String device) {
        if (!present(runtime, member)) {
            String name = bare(member);
            throw new BackendException(ErrorCode.DEVICE_UNAVAILABLE, "OpenVINO device '" + name + "'"
                    + (name.equals(device) ? "" : " (in '" + device + "')") + " is not available; OpenVINO "
                    + runtime.version() + " at " + runtime.library() + " found " + runtime.devices());
        }
    }

    /** Whether OpenVINO lists {@code member}; a virtual device nested in a list is not checked here. */
    private static boolean present(OvRuntime runtime, String member) {
        String name = bare(member);
        return VIRTUAL_DEVICES.contains(name.split("\\.", 2)[0]) || runtime.devices().stream().anyMatch(d -> matches(d, name));
    }

    /** Whether listed device {@code listed} ({@code GPU.1}) is {@code name}, or of family {@code name} ({@code GPU}). */
    private static boolean matches(String listed, String name) {
        return listed.equals(name) || (!name.contains(".") && listed.split("\\.", 2)[0].equals(name));
    }

    /** The device name without a request count or batch size ({@code GPU(4)} is {@code GPU}). */
    private static String bare(String member) {
        return member.replaceFirst("\\(.*$", "");
    }

    private static OvPort find(List<OvPort> ports, String name, String kind, Path file) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new BackendException(
                ErrorCode.MODEL_MISMATCH, kind + " '" + name + "' not found in " + file + "; its " + kind + "s are "
                        + ports.stream().map(OvPort::name).toList()));
    }

    private static List<OvPort> wantedOutputs(List<OvPort> outputs, ModelSpec spec, Path file, boolean batch) {
        List<String> missing = spec.outputNames().stream()
                .filter(n -> outputs.stream().noneMatch(p -> p.name().equals(n))).toList();
        if (!missing.isEmpty()) {
            throw new BackendException(ErrorCode.MODEL_MISMATCH, "output(s) " + missing + " not found in " + file
                    + "; its outputs are " + outputs.stream().map(OvPort::name).toList());
        }
        List<OvPort> wanted = outputs.stream().filter(p -> spec.outputNames().contains(p.name())).toList();
        for (OvPort p : wanted) {
            if (p.type() == null) {
                throw new BackendException(ErrorCode.MODEL_MISMATCH, "output '" + p.name() + "' of " + file
                        + " has OpenVINO element type code " + p.typeCode() + "; the openvino backend returns outputs of type "
                        + Arrays.toString(ElementType.values()) + " (of these the gateway decodes FLOAT32, UINT8 and INT8)");
            }
            if (!staticBeyondBatch(p, batch)) {
                throw new BackendException(ErrorCode.MODEL_MISMATCH, "output '" + p.name() + "' of " + file + " has shape "
                        + Arrays.toString(p.shape()) + " after fixing the input to " + Arrays.toString(spec.inputShape())
                        + "; the openvino backend needs static output shapes"
                        + (batch ? " (but for a dynamic batch dimension)" : ""));
            }
        }
        return wanted;
    }

    /** Static, or (when batching) dynamic only in the first dimension. */
    private static boolean staticBeyondBatch(OvPort p, boolean batch) {
        long[] s = p.shape();
        if (!batch) {
            return p.isStatic();
        }
        if (s.length == 0 || s[0] >= 0) {
            return false;
        }
        for (int i = 1; i < s.length; i++) {
            if (s[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
