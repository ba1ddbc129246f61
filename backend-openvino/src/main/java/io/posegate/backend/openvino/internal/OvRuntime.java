package io.posegate.backend.openvino.internal;

import static java.util.Objects.requireNonNull;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.Loader;

/**
 * The OpenVINO runtime loaded into this process: the library, its version, one shared
 * {@code ov_core_t} and the devices it reports. OpenVINO can be loaded from one place per process;
 * asking for another library afterwards fails with {@link ErrorCode#RUNTIME_UNAVAILABLE}.
 *
 * <p><b>Threading.</b> {@link #load} is synchronised; a loaded runtime is immutable and shared. The
 * core lives until the JVM exits (OpenVINO's core is thread-safe and cheap to keep).
 */
public final class OvRuntime {
    private static OvRuntime current;

    private final Path library;
    private final String version;
    private final OvApi.Core core;
    private final List<String> devices;
    private final OvElementTypes types;

    private OvRuntime(Path library, String version, OvApi.Core core, List<String> devices, OvElementTypes types) {
        this.library = library;
        this.version = version;
        this.core = core;
        this.devices = devices;
        this.types = types;
    }

    /**
     * Loads the JNI glue and {@code library} (a libopenvino_c file), creates the core and lists the devices.
     *
     * @throws BackendException {@link ErrorCode#RUNTIME_UNAVAILABLE} naming the file or symbol that is missing
     */
    public static synchronized OvRuntime load(Path library) {
        requireNonNull(library, "library is null");
        Path absolute;
        try {
            absolute = library.toRealPath();
        } catch (java.io.IOException e) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "cannot access OpenVINO library " + library + ": " + e, e);
        }
        if (current != null && current.library.equals(absolute)) {
            return current;
        }
        loadGlue();
        String error = OvApi.pgov_load(absolute.toString());
        if (error != null) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, error);
        }
        String version = OvApi.pgov_version();
        OvApi.Core core = OvApi.pgov_core_create();
        if (version == null || isNull(core)) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "OpenVINO from " + absolute + " did not start: "
                    + OvApi.pgov_last_error());
        }
        String list = OvApi.pgov_available_devices(core);
        if (list == null) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "OpenVINO from " + absolute
                    + " cannot list devices: " + OvApi.pgov_last_error());
        }
        List<String> devices = list.isEmpty() ? List.of() : List.copyOf(Arrays.asList(list.split(",")));
        current = new OvRuntime(absolute, version, core, devices, OvElementTypes.fromShim());
        return current;
    }

    /** The runtime loaded in this process, or null if none was loaded yet. */
    public static synchronized OvRuntime loaded() {
        return current;
    }

    private static void loadGlue() {
        try {
            Loader.load(OvApi.class);
        } catch (Throwable e) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "the OpenVINO JNI glue (jniOvApi) for platform "
                    + Loader.getPlatform() + " could not be loaded: " + e, e);
        }
    }

    static boolean isNull(org.bytedeco.javacpp.Pointer p) {
        return p == null || p.isNull();
    }

    public Path library() {
        return library;
    }

    /** The build number the runtime reports, e.g. {@code 2026.4.1-...}. */
    public String version() {
        return version;
    }

    /** The devices OpenVINO found when it was loaded, e.g. {@code [CPU]} or {@code [CPU, MYRIAD]}. */
    public List<String> devices() {
        return devices;
    }

    /** The element type codes of this runtime. */
    public OvElementTypes types() {
        return types;
    }

    OvApi.Core core() {
        return core;
    }
}
