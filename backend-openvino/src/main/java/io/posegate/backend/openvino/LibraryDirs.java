package io.posegate.backend.openvino;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** File-system helpers of {@link RuntimeLocator}: globbing, picking the library, versions, plugins. */
final class LibraryDirs {
    static final String LIBRARY = "libopenvino_c.so";

    static final List<String> STANDARD = List.of(
            "/opt/intel/openvino*/runtime/lib/intel64", "/opt/intel/openvino*/runtime/lib/aarch64",
            "/opt/intel/openvino*/runtime/lib/armv7l", "/opt/intel/openvino*/runtime/lib/arm64",
            "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib/arm-linux-gnueabihf",
            "/usr/local/lib", "/usr/local/lib64", "/usr/lib");

    private static final Map<String, String> PLUGINS = Map.of(
            "libopenvino_intel_cpu_plugin.so", "CPU", "libopenvino_arm_cpu_plugin.so", "CPU",
            "libopenvino_intel_gpu_plugin.so", "GPU", "libopenvino_intel_myriad_plugin.so", "MYRIAD",
            "libopenvino_intel_npu_plugin.so", "NPU", "libopenvino_auto_plugin.so", "AUTO",
            "libopenvino_hetero_plugin.so", "HETERO");

    private LibraryDirs() {
    }

    /** Expands each pattern (a '*' is allowed in any segment) to existing directories; records what was looked at. */
    static List<Path> expand(List<String> patterns, List<String> looked) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (String pattern : patterns) {
            looked.add(pattern);
            List<Path> current = List.of(Path.of("/"));
            for (String segment : pattern.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                List<Path> next = new ArrayList<>();
                for (Path base : current) {
                    next.addAll(children(base, segment));
                }
                current = next;
            }
            dirs.addAll(current);
        }
        return List.copyOf(dirs);
    }

    private static List<Path> children(Path base, String segment) {
        if (!segment.contains("*")) {
            Path p = base.resolve(segment);
            return Files.isDirectory(p) ? List.of(p) : List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(base, segment)) {
            for (Path p : stream) {
                if (Files.isDirectory(p)) {
                    out.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }

    /** The library at {@code place}: the file itself or the best match inside the directory; null if none. */
    static Path libraryAt(Path place) {
        if (Files.isRegularFile(place) && place.getFileName().toString().startsWith(LIBRARY)) {
            return place.toAbsolutePath();
        }
        return libraryIn(place);
    }

    /** {@code libopenvino_c.so} if present, else the last {@code libopenvino_c.so.*} by name; null if none. */
    static Path libraryIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        Path plain = dir.resolve(LIBRARY);
        if (Files.isRegularFile(plain)) {
            return plain.toAbsolutePath();
        }
        TreeSet<Path> versioned = new TreeSet<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, LIBRARY + ".*")) {
            stream.forEach(p -> {
                if (Files.isRegularFile(p)) {
                    versioned.add(p.toAbsolutePath());
                }
            });
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return versioned.isEmpty() ? null : versioned.last();
    }

    /** "2026.4.1" from {@code libopenvino_c.so.2641} (pip's YYMP suffix) or {@code .so.2026.4.1}; else "unknown". */
    static String versionFromFileName(Path lib) {
        String name = lib.getFileName().toString();
        String suffix = name.length() > LIBRARY.length() + 1 ? name.substring(LIBRARY.length() + 1) : "";
        if (suffix.matches("\\d{4}")) {
            return "20" + suffix.substring(0, 2) + "." + suffix.charAt(2) + "." + suffix.charAt(3);
        }
        return suffix.matches("\\d+(\\.\\d+)+") ? suffix : "unknown";
    }

    /** The version in {@code openvino-<version>.dist-info} beside the package, else from the file name. */
    static String pipVersion(Path site, Path lib) {
        try (Stream<Path> s = Files.list(site)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("openvino-") && n.endsWith(".dist-info"))
                    .map(n -> n.substring("openvino-".length(), n.length() - ".dist-info".length()))
                    .findFirst().orElse(versionFromFileName(lib));
        } catch (IOException | RuntimeException e) {
            return versionFromFileName(lib);
        }
    }

    /** Device plugins present in {@code dir}, as device names, in a stable order. */
    static List<String> plugins(Path dir) {
        Set<String> found = new TreeSet<>();
        PLUGINS.forEach((file, device) -> {
            if (Files.exists(dir.resolve(file))) {
                found.add(device);
            }
        });
        return List.copyOf(found);
    }

    /** Install prefixes of the python3 executables on {@code path} (bin/python3 resolved to its real file). */
    static List<String> pythonPrefixesOnPath(String path) {
        Set<String> prefixes = new LinkedHashSet<>();
        if (path == null) {
            return List.of();
        }
        for (String dir : path.split(":")) {
            if (dir.isBlank()) {
                continue;
            }
            Path exe = Path.of(dir, "python3");
            try {
                if (Files.isExecutable(exe)) {
                    prefixes.add(exe.getParent().getParent().toString());
                    Path real = exe.toRealPath();
                    if (real.getParent() != null && real.getParent().getParent() != null) {
                        prefixes.add(real.getParent().getParent().toString());
                    }
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable PATH entry is just skipped
            }
        }
        return List.copyOf(prefixes);
    }
}
