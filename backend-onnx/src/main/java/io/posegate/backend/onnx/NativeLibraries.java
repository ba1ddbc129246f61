package io.posegate.backend.onnx;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the ONNX Runtime native libraries the way ONNX Runtime Java loads them, without loading them:
 * first the directory in system property {@value #NATIVE_PATH_PROPERTY}, then the jar resources under
 * {@code ai/onnxruntime/native/<os>-<arch>/}, then {@code java.library.path}.
 * Immutable and thread-safe; used by the probe, so it never throws for a missing library.
 */
final class NativeLibraries {
    static final String NATIVE_PATH_PROPERTY = "onnxruntime.native.path";
    static final String RUNTIME = "onnxruntime";
    static final String JNI = "onnxruntime4j_jni";
    static final String CUDA_PROVIDER = "onnxruntime_providers_cuda";

    private final String platform;
    private final ClassLoader loader;

    NativeLibraries(String osName, String osArch, ClassLoader loader) {
        this.platform = platform(requireNonNull(osName, "osName is null"), requireNonNull(osArch, "osArch is null"));
        this.loader = requireNonNull(loader, "loader is null");
    }

    /** The libraries for the running JVM's OS and architecture. */
    static NativeLibraries forThisJvm() {
        return new NativeLibraries(System.getProperty("os.name", "unknown"), System.getProperty("os.arch", "unknown"),
                NativeLibraries.class.getClassLoader());
    }

    /** The {@code <os>-<arch>} folder name ONNX Runtime uses, e.g. {@code linux-x64}, {@code linux-aarch64}. */
    String platform() {
        return platform;
    }

    /** The jar resource path of library {@code name} for this platform. */
    String resourcePath(String name) {
        return "ai/onnxruntime/native/" + platform + "/" + fileName(name);
    }

    /** Where library {@code name} would be loaded from, or empty when it is nowhere to be found. */
    Optional<String> locate(String name) {
        String file = fileName(name);
        String dir = System.getProperty(NATIVE_PATH_PROPERTY);
        if (dir != null && Files.isRegularFile(Path.of(dir, file))) {
            return Optional.of(Path.of(dir, file).toString());
        }
        var url = loader.getResource(resourcePath(name));
        if (url != null) {
            return Optional.of(url.toString());
        }
        for (String d : System.getProperty("java.library.path", "").split(File.pathSeparator)) {
            if (!d.isBlank() && Files.isRegularFile(Path.of(d, file))) {
                return Optional.of(Path.of(d, file).toString());
            }
        }
        return Optional.empty();
    }

    private String fileName(String name) {
        if (platform.startsWith("osx")) {
            return "lib" + name + ".dylib";
        }
        return platform.startsWith("win") ? name + ".dll" : "lib" + name + ".so";
    }

    private static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String o = os.contains("mac") || os.contains("darwin") ? "osx"
                : os.contains("win") ? "win" : os.contains("linux") ? "linux" : os.replace(' ', '_');
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : arch;
        return o + "-" + a;
    }
}
