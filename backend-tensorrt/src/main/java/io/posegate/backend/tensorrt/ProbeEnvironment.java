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
 * resources may hold preset natives, and the JavaCPP platform name ({@link #javacppPlatform()}). {@link #system()} describes this machine;
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
    /** The system property with which JavaCPP's {@code Loader} is told another platform; honoured here too. */
    public static final String PLATFORM_PROPERTY = "org.bytedeco.javacpp.platform";

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
                javacppPlatform(), System.getProperty("os.name", ""));
    }

    /**
     * JavaCPP's platform name ({@code Loader.getPlatform()}, computed the same way without touching the Loader):
     * {@value #PLATFORM_PROPERTY} when set, else the platform of this JVM's {@code os.name}, {@code os.arch},
     * {@code sun.arch.abi} and {@code sun.boot.library.path}. The {@code openvino} and {@code tensorrt} backends each
     * keep a copy of this rule (they share only the SPI, which has no use for it); their tests hold both to the
     * same table and to JavaCPP's own answer for the running JVM.
     */
    public static String javacppPlatform() {
        String forced = System.getProperty(PLATFORM_PROPERTY);
        return forced != null && !forced.isBlank() ? forced.trim()
                : platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""),
                        System.getProperty("sun.arch.abi", ""), System.getProperty("sun.boot.library.path", ""));
    }

    /**
     * JavaCPP's name for an {@code os.name}, {@code os.arch}, {@code sun.arch.abi} and {@code sun.boot.library.path}:
     * {@code linux-x86_64}, {@code linux-arm64}, {@code linux-armhf} (32-bit ARM with a hard-float JVM), {@code linux-arm}, ...
     */
    static String platform(String osName, String osArch, String abi, String bootLibraryPath) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac os x") || os.startsWith("darwin")) {
            os = "macosx";
        } else if (os.indexOf(' ') > 0) {
            os = os.substring(0, os.indexOf(' '));
        }
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (arch.matches("i[3-6]86")) {
            arch = "x86";
        } else if (arch.equals("amd64") || arch.equals("x86-64") || arch.equals("x64")) {
            arch = "x86_64";
        } else if (arch.startsWith("aarch64") || arch.startsWith("armv8") || arch.startsWith("arm64")) {
            arch = "arm64";
        } else if (arch.startsWith("arm") && (abi.toLowerCase(Locale.ROOT).equals("gnueabihf")
                || bootLibraryPath.toLowerCase(Locale.ROOT).contains("openjdk-armhf"))) {
            arch = "armhf";
        } else if (arch.startsWith("arm")) {
            arch = "arm";
        }
        return os + "-" + arch;
    }
}
