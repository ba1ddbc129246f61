package io.posegate.gateway.cli;

import io.posegate.gateway.bench.SyntheticVideo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** The videos {@code posegate bench pipeline} plays: a file of the shared folder, or a generated H.264 clip. */
final class BenchClips {
    private BenchClips() {
    }

    interface Maker {
        Path make() throws Exception;
    }

    /** $POSEGATE_SHARED/relative when that file exists, else what the fallback makes. */
    static Path sharedOr(String relative, Maker fallback) throws Exception {
        String shared = System.getenv("POSEGATE_SHARED");
        if (shared != null && Files.isRegularFile(Path.of(shared, relative))) {
            return Path.of(shared, relative);
        }
        return fallback.make();
    }

    /** A temporary H.264 clip (deleted on exit), announced on {@code out} before it is written. */
    static Path generate(PrintWriter out, int w, int h, double fps, int frames) throws Exception {
        out.printf("generating %d frames of %dx%d %.0f fps H.264 ...%n", frames, w, h, fps);
        out.flush();
        Path file = Files.createTempFile("posegate-bench-" + w + "x" + h + "-", ".mp4");
        file.toFile().deleteOnExit();
        return SyntheticVideo.write(file, w, h, frames, fps, 4_000_000);
    }
}
