package io.posegate.gateway.ingest.images;

import io.posegate.gateway.security.RealPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of an {@code images:} folder from the API that may be read: those whose real path (every symlink
 * resolved) is a regular file inside the media folder's real path. A link to a picture elsewhere is left out,
 * however the folder itself was reached.
 *
 * @param kept    the real paths of the entries kept, in the order given
 * @param skipped the entries left out: leading outside the media folder, or no longer resolvable
 */
record MediaFolderEntries(List<Path> kept, List<Path> skipped) {
    MediaFolderEntries {
        kept = List.copyOf(kept);
        skipped = List.copyOf(skipped);
    }

    /** Sorts {@code entries} into those inside {@code mediaRoot} and the others. */
    static MediaFolderEntries of(List<Path> entries, Path mediaRoot) throws IOException {
        Path root = mediaRoot.toRealPath();
        List<Path> kept = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (Path entry : entries) {
            Path real = inside(entry, root);
            if (real != null) {
                kept.add(real);
            } else {
                skipped.add(entry);
            }
        }
        return new MediaFolderEntries(kept, skipped);
    }

    /**
     * The real path of {@code entry} (every symlink resolved now) when it is a regular file inside {@code realRoot}
     * (a real path itself), or null: outside, not a regular file, or no longer resolvable. Called again right before
     * each read, since an entry may be replaced by a symlink after the folder was opened.
     */
    static Path inside(Path entry, Path realRoot) {
        return RealPaths.inside(entry, List.of(realRoot)).filter(real -> Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS))
                .orElse(null);
    }
}
