package io.posegate.backend.openvino.internal;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.Opaque;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * JavaCPP declarations of PoseGate's OpenVINO shim ({@code src/main/cpp/posegate_ov.h}), compiled into
 * the JNI library {@code jniOvApi} by the JavaCPP build plugin. The shim opens libopenvino_c with
 * dlopen, so this class can be loaded without OpenVINO; call {@link #pgov_load} before anything else.
 *
 * <p><b>Failure.</b> Functions return null, false or a negative number on failure; the reason is
 * {@link #pgov_last_error()} on the same thread. <b>Threading.</b> Thread-safe as OpenVINO is; one
 * infer request must not be used by two threads at once. Use {@link OvRuntime}, not this class.
 */
@Platform(include = "posegate_ov.h", link = "dl")
public final class OvApi {
    private OvApi() {
    }

    /** An {@code ov_core_t*}. */
    @Opaque @Name("ov_core_t")
    public static final class Core extends Pointer {
        public Core() {
            super((Pointer) null);
        }
    }

    /** An {@code ov_model_t*}. */
    @Opaque @Name("ov_model_t")
    public static final class Model extends Pointer {
        public Model() {
            super((Pointer) null);
        }
    }

    /** An {@code ov_compiled_model_t*}. */
    @Opaque @Name("ov_compiled_model_t")
    public static final class CompiledModel extends Pointer {
        public CompiledModel() {
            super((Pointer) null);
        }
    }

    /** An {@code ov_infer_request_t*}. */
    @Opaque @Name("ov_infer_request_t")
    public static final class InferRequest extends Pointer {
        public InferRequest() {
            super((Pointer) null);
        }
    }

    /** An {@code ov_tensor_t*}. */
    @Opaque @Name("ov_tensor_t")
    public static final class OvTensor extends Pointer {
        public OvTensor() {
            super((Pointer) null);
        }
    }

    public static native String pgov_last_error();

    public static native String pgov_load(String path);

    public static native String pgov_version();

    public static native int pgov_type_code(int which);

    public static native Core pgov_core_create();

    public static native void pgov_core_free(Core core);

    public static native String pgov_available_devices(Core core);

    public static native Model pgov_read_model(Core core, String model, String weights);

    public static native void pgov_model_free(Model model);

    public static native int pgov_port_count(Model model, int output);

    public static native String pgov_port_name(Model model, int output, int index);

    public static native int pgov_port_type(Model model, int output, int index);

    public static native int pgov_port_shape(Model model, int output, int index, @Cast("int64_t*") long[] dims, int capacity);

    @Cast("bool")
    public static native boolean pgov_reshape_input(Model model, String name, @Cast("const int64_t*") long[] dims, int rank);

    public static native CompiledModel pgov_compile(Core core, Model model, String device, String properties);

    public static native void pgov_compiled_free(CompiledModel compiled);

    public static native String pgov_compiled_property(CompiledModel compiled, String key);

    public static native InferRequest pgov_request_create(CompiledModel compiled);

    public static native void pgov_request_free(InferRequest request);

    public static native OvTensor pgov_tensor_wrap(int type, @Cast("const int64_t*") long[] dims, int rank,
                                                   @Cast("void*") ByteBuffer data);

    public static native void pgov_tensor_free(OvTensor tensor);

    @Cast("bool")
    public static native boolean pgov_set_output(InferRequest request, int index, OvTensor tensor);

    @Cast("bool")
    public static native boolean pgov_run(InferRequest request, int index, int type, @Cast("const int64_t*") long[] dims,
                                          int rank, @Cast("void*") ByteBuffer data);
}
