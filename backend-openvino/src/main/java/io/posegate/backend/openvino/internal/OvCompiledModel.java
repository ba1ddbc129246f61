package io.posegate.backend.openvino.internal;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;

/**
 * A model compiled for one device ({@code ov_compiled_model_t}); it creates infer requests.
 *
 * <p><b>Threading.</b> Creating requests is thread-safe. <b>Ownership.</b> Close it after every
 * request created from it has been closed.
 */
public final class OvCompiledModel implements AutoCloseable {
    private final OvElementTypes types;
    private OvApi.CompiledModel compiled;

    OvCompiledModel(OvApi.CompiledModel compiled, OvElementTypes types) {
        this.compiled = compiled;
        this.types = types;
    }

    /** @throws BackendException {@link ErrorCode#DEVICE_UNAVAILABLE} with OpenVINO's message */
    public OvRequest createRequest() {
        OvApi.InferRequest request = OvApi.pgov_request_create(compiled);
        if (OvRuntime.isNull(request)) {
            throw new BackendException(ErrorCode.DEVICE_UNAVAILABLE, "cannot create an infer request: " + OvApi.pgov_last_error());
        }
        return new OvRequest(request, types);
    }

    /**
     * The value the device settled on for property {@code key} (e.g. {@code NUM_STREAMS}), as OpenVINO
     * prints it, or null when the device does not report that property.
     */
    public String property(String key) {
        String value = OvApi.pgov_compiled_property(compiled, key);
        return value == null || value.isEmpty() ? null : value;
    }

    /** True once {@link #close()} freed the compiled model. */
    public boolean isClosed() {
        return compiled == null;
    }

    @Override
    public void close() {
        if (compiled != null) {
            OvApi.pgov_compiled_free(compiled);
            compiled = null;
        }
    }
}
