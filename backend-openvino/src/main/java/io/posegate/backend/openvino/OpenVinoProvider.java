package io.posegate.backend.openvino;

import static java.util.Objects.requireNonNull;

import io.posegate.backend.openvino.internal.OvRuntime;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code openvino} backend: OpenVINO 2.x (2022.3 LTS with MYRIAD for the NCS2, and current
 * releases) through its C API, bound with JavaCPP and opened at run time. Reads IR (.xml + .bin),
 * ONNX and TensorFlow Lite ({@code .tflite}, through OpenVINO's own TFLite frontend). Options: see {@link OpenVinoOptions}; where the runtime is looked for: see {@link RuntimeLocator}.
 *
 * <p>{@link #probe()} only looks at files (it checks that the library is an ELF file built for this processor,
 * that this build holds the JNI glue for this platform ({@link JniGlue}), and reads versions from file names and
 * pip metadata) and reports the device plugins present as {@code plugin:CPU}, ...;
 * once the runtime is loaded in this JVM (by {@link #open} or {@link #probeLoaded()}) it reports the
 * devices OpenVINO found ({@code CPU}, {@code MYRIAD}, ...) and the runtime's build number. Thread-safe.
 */
public final class OpenVinoProvider implements BackendProvider {
    static final Set<ModelFormat> FORMATS = Set.of(ModelFormat.ONNX, ModelFormat.OPENVINO_IR, ModelFormat.TFLITE);

    private final RuntimeLocator locator;
    private final JniGlue glue;

    /** Used by {@link java.util.ServiceLoader}: looks for the runtime in the standard order. */
    public OpenVinoProvider() {
        this(new RuntimeLocator());
    }

    /** With a specific locator (tests, embedding), on this JVM's platform. */
    public OpenVinoProvider(RuntimeLocator locator) {
        this(locator, JniGlue.forThisJvm());
    }

    /** With a specific locator and platform (tests: a build without the glue for the platform). */
    public OpenVinoProvider(RuntimeLocator locator, JniGlue glue) {
        this.locator = requireNonNull(locator, "locator is null");
        this.glue = requireNonNull(glue, "glue is null");
    }

    @Override
    public String name() {
        return "openvino";
    }

    @Override
    public int priority() {
        return 200;
    }

    @Override
    public Set<ModelFormat> formats() {
        return FORMATS;
    }

    /** The runtime as found without options: see {@link #probe(BackendOptions)}. */
    @Override
    public Probe probe() {
        return probe(BackendOptions.empty());
    }

    /**
     * Whether a session opened with {@code options} can load the runtime: option {@code libraryPath}, when set,
     * is where the library is looked for, as {@link #open} does (the other options are not read).
     */
    @Override
    public Probe probe(BackendOptions options) {
        try {
            return check(options == null ? null : options.get("libraryPath", null));
        } catch (IOException | RuntimeException | Error e) {
            return Probe.unavailable("OpenVINO probe failed: " + e, FORMATS);
        }
    }

    private Probe check(String libraryPath) throws IOException {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("platform", glue.platform());
        String missingGlue = missingGlue(details);
        RuntimeLocator.Result result = locator.locate(libraryPath);
        if (!result.found()) {
            return Probe.unavailable(join(result.reason(), missingGlue), FORMATS, details);
        }
        RuntimeLocation where = result.location();
        details.put("library", where.library().toString());
        details.put("foundBy", where.source());
        details.put("plugins", String.join(",", where.plugins()));
        String wrongLibrary = wrongLibrary(where.library());
        if (wrongLibrary != null || missingGlue != null) {
            return Probe.unavailable(join(wrongLibrary, missingGlue), FORMATS, details);
        }
        OvRuntime loaded = OvRuntime.loaded();
        if (loaded != null && loaded.library().equals(where.library().toRealPath())) {
            details.put("version", loaded.version());
            details.put("devices", String.join(",", loaded.devices()));
            return Probe.available("OpenVINO " + loaded.version() + ", devices " + loaded.devices(), FORMATS,
                    loaded.devices(), details);
        }
        details.put("version", where.version());
        details.put("devices", "listed after the runtime is loaded by the first open");
        return Probe.available("OpenVINO " + where.version() + " at " + where.library() + " (" + where.source()
                + "), plugins " + where.plugins(), FORMATS,
                where.plugins().stream().map(plugin -> "plugin:" + plugin).toList(), details);
    }

    /** Null when this build holds the JNI glue for the platform (recorded in {@code details}), else why not. */
    private String missingGlue(Map<String, String> details) {
        java.net.URL url = glue.find();
        if (url != null) {
            details.put("glue", url.toString());
            return null;
        }
        return "the OpenVINO JNI glue for " + glue.platform() + " is not in this build (" + glue.resource()
                + " not on the class path); rebuild backend-openvino with -Djavacpp.platform=" + glue.platform();
    }

    /** Null when {@code library} is an ELF file for this processor (or one not told apart), else why not. */
    private String wrongLibrary(Path library) {
        ElfHeader elf = ElfHeader.read(library);
        if (elf == null) {
            return library + " is not an ELF shared library";
        }
        int expected = glue.elfMachine();
        if (expected >= 0 && elf.machine() != expected) {
            return library + " is built for " + ElfHeader.name(elf.machine()) + ", but this JVM runs on " + glue.platform()
                    + " (" + ElfHeader.name(expected) + ")";
        }
        return null;
    }

    private static String join(String first, String second) {
        return first == null ? second : second == null ? first : first + "; " + second;
    }

    /**
     * Like {@link #probe()}, but first loads the runtime (native code) so that the probe lists the
     * devices OpenVINO finds and its exact version. Blocking: call it off the event loop, e.g. once
     * at start-up. Never throws; a runtime that fails to load is reported as unavailable.
     */
    public Probe probeLoaded() {
        Probe files = probe();
        if (!files.available()) {
            return files;
        }
        try {
            OvRuntime.load(Path.of(files.details().get("library")));
            return probe();
        } catch (RuntimeException e) {
            return Probe.unavailable(e.getMessage() == null ? e.toString() : e.getMessage(), FORMATS, files.details());
        }
    }

    @Override
    public BackendSession open(ModelSpec model, BackendOptions options) {
        requireNonNull(model, "model is null");
        requireNonNull(options, "options is null");
        OpenVinoOptions parsed = OpenVinoOptions.parse(options);
        if (!FORMATS.contains(model.format())) {
            throw new BackendException(ErrorCode.UNSUPPORTED_FORMAT, "the openvino backend reads " + FORMATS.stream()
                    .map(ModelFormat::id).sorted().toList() + ", not " + model.format().id() + " (" + model.file() + ")");
        }
        RuntimeLocator.Result result = locator.locate(parsed.libraryPath());
        if (!result.found()) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, result.reason());
        }
        String missingGlue = missingGlue(new LinkedHashMap<>());
        if (missingGlue != null) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, missingGlue);
        }
        OvRuntime runtime = OvRuntime.load(result.location().library());
        return SessionOpener.open(runtime, model, parsed);
    }
}
