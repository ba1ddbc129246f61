package io.posegate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Properties of media-path resolution for API sources: whatever path is asked for, the result is a file
 * inside the media directory or a refusal; and a file outside looks exactly like a missing one. The media
 * directory holds files, a subfolder, and symlinks that point out of it (to a file and to a folder).
 */
class MediaPathProperties {
    private static Path root;
    private static Path media;
    private static IngestPolicy policy;

    @BeforeContainer
    static void layout() throws IOException {
        root = Files.createTempDirectory("posegate-media-prop");
        media = Files.createDirectories(root.resolve("media"));
        Files.writeString(media.resolve("clip.mp4"), "x");
        Files.createDirectories(media.resolve("sub"));
        Files.writeString(media.resolve("sub").resolve("in.mp4"), "x");
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("secret.mp4"), "x");
        Files.writeString(root.resolve("secret.mp4"), "x");
        Files.createSymbolicLink(media.resolve("link.mp4"), outside.resolve("secret.mp4"));
        Files.createSymbolicLink(media.resolve("out"), outside);
        policy = IngestPolicy.defaults().withMediaDirectory(media);
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> part = Arbitraries.oneOf(
                Arbitraries.of("..", ".", "", "clip.mp4", "sub", "in.mp4", "link.mp4", "out", "secret.mp4", "outside", "media",
                        "~", "%2e%2e", "..%2f", "\\..\\", root.toString(), media.toString()),
                Arbitraries.strings().ofMaxLength(6));
        return part.list().ofMinSize(1).ofMaxSize(6).map(parts -> (Math.random() < 0.3 ? "/" : "") + String.join("/", parts));
    }

    @Property(tries = 3000)
    void anApiPathResolvesInsideTheMediaDirectoryOrIsRefused(@ForAll("paths") String path, @ForAll boolean images) throws IOException {
        String scheme = images ? "images" : "file";
        Path realMedia = media.toRealPath();
        try {
            Path p = MediaPaths.resolve(scheme, path, SourceSpec.Origin.API, policy);
            assertTrue(p.startsWith(realMedia), p + " is outside " + realMedia);
            assertTrue(Files.exists(p), p + " does not exist");
            assertEquals(p, p.toRealPath(), "the result has no symlink left to follow");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith(scheme + ":"), e.getMessage());
            assertTrue(!e.getMessage().contains(root.toString()) || path.contains(root.toString()),
                    "the message does not reveal the server's directories: " + e.getMessage());
        }
    }

    @Property(tries = 200)
    void outsideAndMissingGetTheSameAnswer(@ForAll("existingOutside") String outside, @ForAll("missing") String missing) {
        String a = refusal(outside);
        String b = refusal(missing);
        assertEquals(a.replace(outside, "PATH"), b.replace(missing, "PATH"));
    }

    @Provide
    Arbitrary<String> existingOutside() {
        return Arbitraries.of(root.resolve("secret.mp4").toString(), "link.mp4", "out/secret.mp4", "/etc/passwd", "/etc",
                root.resolve("outside").toString());
    }

    @Provide
    Arbitrary<String> missing() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(10)
                .flatMap(n -> Arbitraries.of(List.of(n + ".mp4", "/etc/" + n, root.resolve(n).toString(), "out/" + n)));
    }

    private static String refusal(String path) {
        try {
            MediaPaths.resolve("file", path, SourceSpec.Origin.API, policy);
            throw new AssertionError(path + " was accepted");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
