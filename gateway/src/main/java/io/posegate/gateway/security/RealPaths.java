package io.posegate.gateway.security;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * Containment by real path, the one check behind every "this file must lie inside that folder" rule for untrusted
 * callers (media files, picture folders, model descriptors and files): every symlink is resolved first, so a link
 * cannot lead out. Missing, unreadable and outside all answer empty, so a caller cannot tell them apart. Stateless.
 */
public final class RealPaths {
    private RealPaths() {
    }

    /** The real path of {@code path} (every symlink resolved now), or empty when it does not resolve. */
    public static Optional<Path> of(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The real path of {@code path} when it lies inside one of {@code realRoots} (real paths themselves), or empty:
     * outside, missing or unreadable.
     */
    public static Optional<Path> inside(Path path, Collection<Path> realRoots) {
        return of(path).filter(real -> realRoots.stream().anyMatch(real::startsWith));
    }
}
