package io.posegate.spi;

/**
 * Entry point of a backend, discovered with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.posegate.spi.BackendProvider}.
 *
 * <p><b>Discovery is cheap.</b> The constructor (public, no arguments) and {@link #name()},
 * {@link #priority()} and {@link #probe()} load no native code and allocate nothing large. Native
 * libraries are loaded in {@link #open} only.
 *
 * <p><b>Threading.</b> Providers are stateless or thread-safe; any method may be called from any thread.
 */
public interface BackendProvider {
    /** A short lower-case name used in config and on the command line: {@code onnx}, {@code openvino}, {@code tensorrt}. */
    String name();

    /**
     * Preference when the config says {@code backend: auto}: the available provider with the highest
     * priority that accepts the model's format wins (tensorrt 300 &gt; openvino 200 &gt; onnx 100).
     */
    int priority();

    /**
     * Reports whether this backend can run here and why not. Never throws, never loads native code
     * into the JVM; it may look for files and read versions. Cheap enough to call on every
     * {@code /api/backends} request, though callers may cache it.
     */
    Probe probe();

    /**
     * Like {@link #probe()}, for sessions opened with {@code options} (the gateway passes the options it would
     * open with, so a runtime found only through an option, such as OpenVINO's {@code libraryPath}, is reported
     * available). Never throws, not even for options {@link #open} would refuse; a provider reads only the
     * options that change where or whether its runtime is found. The default ignores them and calls {@link #probe()}.
     */
    default Probe probe(BackendOptions options) {
        return probe();
    }

    /**
     * The model formats this provider reads, whether or not it is available here; the gateway asks every
     * provider to learn the format names and file suffixes that descriptors may use. Cheap, never throws.
     * The default returns {@link #probe()}'s formats.
     */
    default java.util.Set<ModelFormat> formats() {
        return probe().formats();
    }

    /**
     * Loads the runtime if needed and opens the model.
     *
     * @throws BackendException {@link ErrorCode#RUNTIME_UNAVAILABLE} (with the probe's reason) when the
     *                          backend is unavailable, {@link ErrorCode#UNSUPPORTED_FORMAT},
     *                          {@link ErrorCode#MODEL_NOT_FOUND}, {@link ErrorCode#MODEL_INVALID},
     *                          {@link ErrorCode#MODEL_MISMATCH} when the spec's input or outputs do not
     *                          exist in the model, {@link ErrorCode#DEVICE_UNAVAILABLE},
     *                          {@link ErrorCode#INVALID_OPTION}
     */
    BackendSession open(ModelSpec model, BackendOptions options);
}
