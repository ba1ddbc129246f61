package io.posegate.backend.openvino;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Finds libopenvino_c without loading it, in this order:
 * <ol>
 *   <li>the directory (or file) in environment variable {@value #ENV};</li>
 *   <li>the session option {@code libraryPath} (the gateway config's {@code backends.openvino.libraryPath}, which the
 *       probe is given too), else the JVM system property {@value #PROPERTY} ({@code -D} on the command line);</li>
 *   <li>standard install locations ({@code /opt/intel/openvino*}{@code /runtime/lib/<arch>}, system lib dirs);</li>
 *   <li>a pip-installed {@code openvino} package ({@code site-packages/openvino/libs}) in PoseGate's venv
 *       ({@code ~/.cache/posegate/openvino-venv}), {@code /opt/posegate/openvino}, {@code $VIRTUAL_ENV},
 *       {@code $CONDA_PREFIX}, the prefixes of the {@code python3} executables on {@code PATH}, pyenv
 *       versions, and the user and system site dirs.</li>
 * </ol>
 * A location given explicitly (1 or 2) is final: if it holds no library the runtime is unavailable,
 * naming that place. Immutable and thread-safe; only reads directories.
 */
public final class RuntimeLocator {
    public static final String ENV = "POSEGATE_OPENVINO_LIBS";
    public static final String PROPERTY = "posegate.openvino.libs";

    private final Map<String, String> env;
    private final UnaryOperator<String> properties;
    private final List<String> standardDirs;

    public RuntimeLocator() {
        this(System.getenv(), System::getProperty, LibraryDirs.STANDARD);
    }

    /** For tests: explicit environment, system properties and standard directories (globs allowed). */
    public RuntimeLocator(Map<String, String> env, UnaryOperator<String> properties, List<String> standardDirs) {
        this.env = Map.copyOf(requireNonNull(env, "env is null"));
        this.properties = requireNonNull(properties, "properties is null");
        this.standardDirs = List.copyOf(requireNonNull(standardDirs, "standardDirs is null"));
    }

    /** The outcome: a location, or the reason there is none. */
    public record Result(RuntimeLocation location, String reason) {
        public boolean found() {
            return location != null;
        }
    }

    /**
     * Looks for the runtime.
     *
     * @param configured the {@code libraryPath} option, or null
     */
    public Result locate(String configured) {
        String fromEnv = env.get(ENV);
        if (notBlank(fromEnv)) {
            return explicit(Path.of(fromEnv.trim()), "environment variable " + ENV);
        }
        if (notBlank(configured)) {
            return explicit(Path.of(configured.trim()), "option libraryPath");
        }
        String fromProperty = properties.apply(PROPERTY);
        if (notBlank(fromProperty)) {
            return explicit(Path.of(fromProperty.trim()), "system property " + PROPERTY);
        }
        List<String> looked = new ArrayList<>();
        for (Path dir : LibraryDirs.expand(standardDirs, looked)) {
            Path lib = LibraryDirs.libraryIn(dir);
            if (lib != null) {
                return found(lib, "standard location " + dir, LibraryDirs.versionFromFileName(lib));
            }
        }
        for (Path site : LibraryDirs.expand(pipSiteDirs(), looked)) {
            Path lib = LibraryDirs.libraryIn(site.resolve("openvino/libs"));
            if (lib != null) {
                return found(lib, "pip package in " + site, LibraryDirs.pipVersion(site, lib));
            }
        }
        return new Result(null, LibraryDirs.LIBRARY + " not found; looked in: " + String.join(", ", looked)
                + ". Install it with .ci/install-openvino.sh (pip package openvino) or set " + ENV);
    }

    private static Result explicit(Path place, String source) {
        Path lib = LibraryDirs.libraryAt(place);
        if (lib == null) {
            return new Result(null, LibraryDirs.LIBRARY + " not found in " + place + " (given by " + source + ")");
        }
        return found(lib, source, LibraryDirs.versionFromFileName(lib));
    }

    private static Result found(Path lib, String source, String version) {
        return new Result(new RuntimeLocation(lib, source, version, LibraryDirs.plugins(lib.getParent())), null);
    }

    private List<String> pipSiteDirs() {
        Set<String> prefixes = new LinkedHashSet<>();
        String home = properties.apply("user.home");
        if (notBlank(home)) {
            prefixes.add(home + "/.cache/posegate/openvino-venv");
        }
        prefixes.add("/opt/posegate/openvino");
        for (String var : List.of("VIRTUAL_ENV", "CONDA_PREFIX")) {
            if (notBlank(env.get(var))) {
                prefixes.add(env.get(var));
            }
        }
        prefixes.addAll(LibraryDirs.pythonPrefixesOnPath(env.get("PATH")));
        if (notBlank(home)) {
            prefixes.add(home + "/.pyenv/versions/*");
        }
        Set<String> sites = new LinkedHashSet<>();
        for (String prefix : prefixes) {
            sites.add(Path.of(prefix, "lib/python3*/site-packages").toString());
        }
        if (notBlank(home)) {
            sites.add(home + "/.local/lib/python3*/site-packages");
        }
        sites.addAll(List.of("/usr/local/lib/python3*/site-packages", "/usr/local/lib/python3*/dist-packages",
                "/usr/lib/python3/dist-packages", "/usr/lib/python3*/site-packages"));
        return List.copyOf(sites);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
