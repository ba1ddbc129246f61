package io.posegate.backend.openvino;

import static java.util.Objects.requireNonNull;

import java.net.URL;
import java.util.Locale;

/**
 * Where this build keeps PoseGate's JNI glue for OpenVINO ({@code libjniOvApi.so}, compiled by the module's
 * build for one JavaCPP platform) and whether the class path holds it for the platform this JVM runs on. The
 * probe asks it so that a jar built for {@code linux-x86_64} says "unavailable" on an ARM box instead of
 * failing at {@code open}. Loads no native code and never touches JavaCPP's {@code Loader}.
 *
 * @param platform    the JavaCPP platform name, e.g. {@code linux-x86_64}, {@code linux-arm64}
 * @param classLoader searched for {@link #resource()}
 */
public record JniGlue(String platform, ClassLoader classLoader) {
    /** The system property with which JavaCPP's {@code Loader} is told another platform; honoured here too. */
    public static final String PLATFORM_PROPERTY = "org.bytedeco.javacpp.platform";
    static final String LIBRARY = "libjniOvApi.so";

    public JniGlue {
        requireNonNull(platform, "platform is null");
        requireNonNull(classLoader, "classLoader is null");
    }

    /** This JVM, on {@link #javacppPlatform()}. */
    public static JniGlue forThisJvm() {
        return new JniGlue(javacppPlatform(), JniGlue.class.getClassLoader());
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

    /** The class-path resource of the glue for {@link #platform()}. */
    public String resource() {
        return "io/posegate/backend/openvino/internal/" + platform + "/" + LIBRARY;
    }

    /** Where the class path holds the glue, or null when this build has none for {@link #platform()}. */
    public URL find() {
        return classLoader.getResource(resource());
    }

    /** The ELF {@code e_machine} a native library must have to load here, or -1 when not known for this platform. */
    int elfMachine() {
        return switch (platform.substring(platform.indexOf('-') + 1)) {
            case "x86_64" -> ElfHeader.X86_64;
            case "arm64" -> ElfHeader.AARCH64;
            case "armhf", "arm" -> ElfHeader.ARM;
            case "x86" -> ElfHeader.I386;
            default -> -1;
        };
    }
}
