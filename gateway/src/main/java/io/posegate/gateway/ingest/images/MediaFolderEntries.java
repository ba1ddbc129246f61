package io.posegate.gateway.ingest.images;

import java.io.IOException;
import java.nio.file.Files;
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
            Path real;
            try {
                real = entry.toRealPath();
            } catch (IOException | SecurityException e) {
                skipped.add(entry);
                continue;
            }
            if (real.startsWith(root) && Files.isRegularFile(real)) {
                kept.add(real);
            } else {
                skipped.add(entry);
            }
        }
        return new MediaFolderEntries(kept, skipped);
    }
}
