package io.posegate.gateway.ingest;

import io.posegate.gateway.security.RealPaths;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns the path of a {@code file:} or {@code images:} URI into a local path. From the config file any
 * path goes (relative ones against the working directory). From the API the path must lie inside the
 * policy's media directory once symlinks are resolved, may not contain {@code ..}, and must exist; a
 * path that breaks either of the last two rules gets one message ({@link #notAvailable}), so the API
 * cannot probe for files outside the media directory.
 */
public final class MediaPaths {
    private MediaPaths() {
    }

    /**
     * @param body the URI body: {@code /abs/path}, {@code rel/path} or {@code ///abs/path}
     * @throws IllegalArgumentException naming the URI and the rule it broke
     */
    public static Path resolve(String scheme, String body, SourceSpec.Origin origin, IngestPolicy policy) {
        String text = stripAuthority(scheme, body);
        if (text.isEmpty()) {
            throw new IllegalArgumentException(scheme + ": needs a path, e.g. " + scheme + ":/data/clip.mp4");
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(scheme + ": '" + text + "' is not a valid path: " + e.getReason());
        }
        if (origin == SourceSpec.Origin.CONFIG_FILE) {
            return path.toAbsolutePath().normalize();
        }
        Path media = policy.mediaDirectory().orElseThrow(() -> new IllegalArgumentException(
                scheme + ": sources from the API need a configured media directory, and none is configured"));
        for (Path part : path) {
            if (part.toString().equals("..")) {
                throw new IllegalArgumentException(scheme + ": '" + text + "' may not contain '..'");
            }
        }
        // missing, unreadable and outside look the same to the API
        return RealPaths.of(media).flatMap(root -> RealPaths.inside(root.resolve(path), List.of(root)))
                .orElseThrow(() -> new IllegalArgumentException(notAvailable(scheme, text)));
    }

    /**
     * The one message for an API path that is outside the media directory, missing, or unreadable, so
     * that the API cannot tell whether a file exists anywhere on disk.
     */
    public static String notAvailable(String scheme, String text) {
        return scheme + ": '" + text + "' is not an available file in the media directory";
    }

    /** {@code ///x} and {@code //localhost/x} become {@code /x}; other hosts are refused. */
    private static String stripAuthority(String scheme, String body) {
        if (!body.startsWith("//")) {
            return body;
        }
        int slash = body.indexOf('/', 2);
        String host = slash < 0 ? body.substring(2) : body.substring(2, slash);
        if (!host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
            throw new IllegalArgumentException(scheme + ": the URI names a remote host '" + host + "'; only local files are read");
        }
        return slash < 0 ? "" : body.substring(slash);
    }
}
