package io.posegate.backend.tensorrt;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the probe looks: library directories in search order, GPU device nodes, the class loader whose
 * resources may hold preset natives, and the JavaCPP platform name. {@link #system()} describes this machine;
 * tests pass their own directories.
 *
 * @param libraryDirs  directories searched for {@code libnvinfer}/{@code libcudart}, in order
 * @param deviceNodes  device nodes of which one must exist for a GPU to be present
 * @param classLoader  searched for {@code org/bytedeco/<preset>/<platform>/<library>} resources
 * @param platform     the JavaCPP platform, e.g. {@code linux-x86_64}, {@code linux-arm64}
 * @param osName       the {@code os.name} system property
 */
public record ProbeEnvironment(List<Path> libraryDirs, List<Path> deviceNodes, ClassLoader classLoader, String platform,
                               String osName) {
    /** {@code /dev/nvidia0} on a discrete GPU, {@code /dev/nvhost-ctrl} on a Jetson. */
    public static final List<Path> GPU_DEVICE_NODES = List.of(Path.of("/dev/nvidia0"), Path.of("/dev/nvhost-ctrl"));

    public ProbeEnvironment {
        libraryDirs = List.copyOf(requireNonNull(libraryDirs, "libraryDirs is null"));
        deviceNodes = List.copyOf(requireNonNull(deviceNodes, "deviceNodes is null"));
        requireNonNull(classLoader, "classLoader is null");
        requireNonNull(platform, "platform is null");
        requireNonNull(osName, "osName is null");
    }

    /**
     * This machine: {@code LD_LIBRARY_PATH}, the directories of {@code /etc/ld.so.conf} (what {@code ldconfig}
     * caches), the Debian multiarch and CUDA directories, the device nodes above and this class's loader.
     */
    public static ProbeEnvironment system() {
        Set<Path> dirs = new LinkedHashSet<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String d : ld.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        dirs.addAll(LdSoConf.directories(Path.of("/etc/ld.so.conf")));
        dirs.addAll(List.of(Path.of("/usr/lib/aarch64-linux-gnu"), Path.of("/usr/lib/x86_64-linux-gnu"),
                Path.of("/usr/local/cuda/lib64")));
        return new ProbeEnvironment(new ArrayList<>(dirs), GPU_DEVICE_NODES, ProbeEnvironment.class.getClassLoader(),
                platform(System.getProperty("os.arch", "")), System.getProperty("os.name", ""));
    }

    /** JavaCPP's platform name for this {@code os.arch} (computed here: JavaCPP's Loader is not touched by the probe). */
    static String platform(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            return "linux-x86_64";
        }
        if (arch.equals("aarch64") || arch.equals("arm64")) {
            return "linux-arm64";
        }
        return "linux-" + arch;
    }
}
