package io.posegate.backend.tensorrt;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the library directories of the dynamic linker's configuration ({@code /etc/ld.so.conf} and the files
 * it includes, such as {@code /etc/ld.so.conf.d/nvidia-tegra.conf} on a Jetson). No process is started and
 * no native code loaded; unreadable files are skipped. Stateless.
 */
final class LdSoConf {
    private static final int MAX_DEPTH = 4;

    private LdSoConf() {
    }

    /** The directories listed by {@code conf} and its includes, in order, without duplicates. */
    static List<Path> directories(Path conf) {
        Set<Path> dirs = new LinkedHashSet<>();
        read(conf, dirs, 0);
        return List.copyOf(dirs);
    }

    private static void read(Path conf, Set<Path> dirs, int depth) {
        List<String> lines;
        try {
            lines = Files.readAllLines(conf);
        } catch (IOException | RuntimeException e) {
            return;
        }
        for (String raw : lines) {
            String line = raw.replaceAll("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("include ") && depth < MAX_DEPTH) {
                include(conf.getParent(), line.substring("include ".length()).trim(), dirs, depth + 1);
            } else if (line.startsWith("/")) {
                dirs.add(Path.of(line));
            }
        }
    }

    private static void include(Path base, String pattern, Set<Path> dirs, int depth) {
        Path p = base == null ? Path.of(pattern) : base.resolve(pattern);
        Path parent = p.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(parent, p.getFileName().toString())) {
            files.forEach(matches::add);
        } catch (IOException | RuntimeException e) {
            return;
        }
        matches.stream().sorted().forEach(f -> read(f, dirs, depth));
    }
}
