package io.posegate.backend.onnx;

import static java.util.Objects.requireNonNull;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code onnx} backend: ONNX Runtime Java on the CPU, with the CUDA execution provider when the
 * runtime on the class path offers one (the {@code onnxruntime_gpu} artifact). Priority 100, the lowest
 * of the built-in backends, so {@code backend: auto} prefers accelerators when they are available.
 *
 * <p>{@link #probe()} only looks for ONNX Runtime's classes and native library files; it never loads
 * native code. {@link #open} loads the runtime. Stateless and thread-safe. Options: see {@link OnnxOptions}.
 */
public final class OnnxBackendProvider implements BackendProvider {
    static final String NAME = "onnx";
    static final String ENVIRONMENT_CLASS = "ai.onnxruntime.OrtEnvironment";
    private static final Set<ModelFormat> FORMATS = Set.of(ModelFormat.ONNX);
    private static final String POM = "META-INF/maven/com.microsoft.onnxruntime/onnxruntime/pom.xml";
    /** The project's own version: the first {@code <version>} after its {@code <artifactId>onnxruntime}. */
    private static final Pattern POM_VERSION = Pattern.compile(
            "<artifactId>onnxruntime</artifactId>\\s*<version>([^<]+)</version>");

    private final NativeLibraries natives;

    /** A provider for this JVM's platform, as {@link java.util.ServiceLoader} creates it. */
    public OnnxBackendProvider() {
        this(NativeLibraries.forThisJvm());
    }

    OnnxBackendProvider(NativeLibraries natives) {
        this.natives = requireNonNull(natives, "natives is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Set<ModelFormat> formats() {
        return FORMATS;
    }

    @Override
    public Probe probe() {
        try {
            return doProbe();
        } catch (RuntimeException | LinkageError e) {
            return Probe.unavailable("ONNX Runtime probe failed: " + e, FORMATS);
        }
    }

    private Probe doProbe() {
        Class<?> env;
        try {
            env = Class.forName(ENVIRONMENT_CLASS, false, OnnxBackendProvider.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Probe.unavailable("ONNX Runtime Java classes (" + ENVIRONMENT_CLASS + ") not on the class path", FORMATS);
        }
        String version = Optional.ofNullable(env.getPackage().getImplementationVersion())
                .or(() -> versionFromPom(env.getClassLoader())).orElse("(unknown version)");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("version", version);
        details.put("platform", natives.platform());
        for (String lib : List.of(NativeLibraries.RUNTIME, NativeLibraries.JNI)) {
            Optional<String> where = natives.locate(lib);
            if (where.isEmpty()) {
                return Probe.unavailable("ONNX Runtime " + version + " has no native library for " + natives.platform()
                        + ": " + natives.resourcePath(lib) + " not found", FORMATS, details);
            }
            details.put(lib, where.get());
        }
        List<String> devices = new ArrayList<>(List.of("CPU"));
        natives.locate(NativeLibraries.CUDA_PROVIDER).ifPresent(where -> {
            devices.add("CUDA");
            details.put(NativeLibraries.CUDA_PROVIDER, where);
        });
        return Probe.available("ONNX Runtime " + version + " (" + String.join(", ", devices) + ")", FORMATS, devices, details);
    }

    /** The version in the runtime's Maven pom, for when a shaded jar has merged away its manifest. */
    static Optional<String> versionFromPom(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(POM)) {
            if (in == null) {
                return Optional.empty();
            }
            Matcher m = POM_VERSION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Opens {@code model} with ONNX Runtime and runs one warm-up frame.
     *
     * @throws BackendException see {@link BackendProvider#open}; {@link ErrorCode#DEVICE_UNAVAILABLE} when
     *                          {@code device=cuda} and the runtime offers no CUDA execution provider
     */
    @Override
    public BackendSession open(ModelSpec model, BackendOptions options) {
        requireNonNull(model, "model is null");
        requireNonNull(options, "options is null");
        if (!ModelFormat.ONNX.equals(model.format())) {
            throw new BackendException(ErrorCode.UNSUPPORTED_FORMAT, "backend 'onnx' reads only ONNX models, not "
                    + model.format().id() + " (" + model.file() + ")");
        }
        OnnxOptions parsed = OnnxOptions.parse(options);
        Probe probe = probe();
        if (!probe.available()) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, probe.reason());
        }
        return OnnxBackendSession.open(model, parsed);
    }
}
