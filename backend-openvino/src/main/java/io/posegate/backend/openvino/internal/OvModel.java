package io.posegate.backend.openvino.internal;

import static java.util.Objects.requireNonNull;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model read by OpenVINO ({@code ov_model_t}), before compilation: its ports, reshaping, compiling.
 *
 * <p><b>Threading.</b> Used by one thread (the one opening a session). <b>Ownership.</b> Owns the
 * native model until {@link #close()}; compiled models stay valid after it is closed.
 */
public final class OvModel implements AutoCloseable {
    /** The most compile properties the shim passes ({@code PGOV_MAX_PROPERTIES} in {@code posegate_ov.h}). */
    public static final int MAX_PROPERTIES = 16;
    private static final int MAX_RANK = 8;
    /** How OpenVINO says a device name is unknown: {@code Device with "X" name is not registered in the OpenVINO Runtime}. */
    private static final String UNREGISTERED_DEVICE = "name is not registered in the OpenVINO Runtime";

    private final OvRuntime runtime;
    private OvApi.Model model;

    private OvModel(OvRuntime runtime, OvApi.Model model) {
        this.runtime = runtime;
        this.model = model;
    }

    /**
     * Reads an IR ({@code weights} is its .bin), or an ONNX or TFLite file ({@code weights} null).
     *
     * @throws BackendException {@link ErrorCode#MODEL_INVALID} with OpenVINO's message
     */
    public static OvModel read(OvRuntime runtime, Path file, Path weights) {
        requireNonNull(runtime, "runtime is null");
        requireNonNull(file, "file is null");
        OvApi.Model m = OvApi.pgov_read_model(runtime.core(), file.toString(), weights == null ? null : weights.toString());
        if (OvRuntime.isNull(m)) {
            throw new BackendException(ErrorCode.MODEL_INVALID, "OpenVINO cannot read " + file + ": " + OvApi.pgov_last_error());
        }
        return new OvModel(runtime, m);
    }

    public List<OvPort> inputs() {
        return ports(0);
    }

    public List<OvPort> outputs() {
        return ports(1);
    }

    private List<OvPort> ports(int output) {
        int count = OvApi.pgov_port_count(model, output);
        if (count < 0) {
            throw internal("count ports");
        }
        List<OvPort> ports = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = OvApi.pgov_port_name(model, output, i);
            int type = OvApi.pgov_port_type(model, output, i);
            long[] dims = new long[MAX_RANK];
            int rank = OvApi.pgov_port_shape(model, output, i, dims, MAX_RANK);
            if (name == null || type < 0 || rank == -1) {
                throw internal("describe port " + i);
            }
            long[] shape = rank < 0 ? new long[0] : java.util.Arrays.copyOf(dims, Math.min(rank, MAX_RANK));
            ports.add(new OvPort(i, name, type, runtime.types().toSpi(type), shape));
        }
        return List.copyOf(ports);
    }

    /**
     * Fixes input {@code name} to {@code shape}.
     *
     * @throws BackendException {@link ErrorCode#MODEL_MISMATCH} with OpenVINO's reason
     */
    public void reshapeInput(String name, long[] shape) {
        if (!OvApi.pgov_reshape_input(model, name, shape, shape.length)) {
            throw new BackendException(ErrorCode.MODEL_MISMATCH, "cannot reshape input '" + name + "' to "
                    + java.util.Arrays.toString(shape) + ": " + OvApi.pgov_last_error());
        }
    }

    /**
     * Compiles for {@code device} with string properties (at most {@link #MAX_PROPERTIES}).
     *
     * @throws BackendException {@link ErrorCode#MODEL_INVALID} with OpenVINO's message, or
     *                          {@link ErrorCode#DEVICE_UNAVAILABLE} when that message says a device is not registered
     */
    public OvCompiledModel compile(String device, Map<String, String> properties) {
        StringBuilder lines = new StringBuilder();
        properties.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
        OvApi.CompiledModel compiled = OvApi.pgov_compile(runtime.core(), model, device, lines.toString());
        if (OvRuntime.isNull(compiled)) {
            String why = OvApi.pgov_last_error();
            ErrorCode code = why != null && why.contains(UNREGISTERED_DEVICE) ? ErrorCode.DEVICE_UNAVAILABLE : ErrorCode.MODEL_INVALID;
            throw new BackendException(code, "OpenVINO cannot compile the model for device '" + device + "' with " + properties
                    + ": " + why);
        }
        return new OvCompiledModel(compiled, runtime.types());
    }

    private BackendException internal(String what) {
        return new BackendException(ErrorCode.INTERNAL, "OpenVINO failed to " + what + ": " + OvApi.pgov_last_error());
    }

    @Override
    public void close() {
        if (model != null) {
            OvApi.pgov_model_free(model);
            model = null;
        }
    }
}
