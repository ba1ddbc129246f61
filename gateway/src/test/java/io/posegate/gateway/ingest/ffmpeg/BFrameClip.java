package io.posegate.gateway.ingest.ffmpeg;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An H.264 clip with non-reference B-frames, made by the ffmpeg CLI (libx264; JavaCV's own H.264 encoder
 * writes Baseline, which has no B-frames): a moving test pattern, 2 B-frames between references, no
 * B-pyramid (so every B-frame is non-reference), a key frame every 32 frames, and a quantiser high enough
 * that the deblocking filter changes pixels. Frame types are read back with ffprobe, never assumed.
 */
final class BFrameClip {
    static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    static final Path FFPROBE = Path.of("/usr/bin/ffprobe");

    private BFrameClip() {
    }

    static Path encode(Path file, int frames) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(FFMPEG) && Files.isExecutable(FFPROBE),
                "ffmpeg/ffprobe are not installed (.ci/install-packages.sh installs them)");
        run(List.of(FFMPEG.toString(), "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25",
                "-frames:v", Integer.toString(frames), "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-bf", "2", "-g", "32",
                "-x264-params", "b-pyramid=none:b-adapt=0:scenecut=0", "-qp", "36", file.toString()));
        return file;
    }

    /** One entry per frame in display order, as ffprobe reports it: the picture type, e.g. "I", "P", "B". */
    static List<String> pictureTypes(Path file) throws IOException, InterruptedException {
        return run(List.of(FFPROBE.toString(), "-v", "error", "-select_streams", "v:0", "-show_entries", "frame=pict_type",
                "-of", "csv=p=0", file.toString())).lines().map(BFrameClip::firstField).filter(s -> !s.isEmpty()).toList();
    }

    /** One entry per frame: true for key frames. */
    static List<Boolean> keyFrames(Path file) throws IOException, InterruptedException {
        return run(List.of(FFPROBE.toString(), "-v", "error", "-select_streams", "v:0", "-show_entries", "frame=key_frame",
                "-of", "csv=p=0", file.toString())).lines().map(BFrameClip::firstField).filter(s -> !s.isEmpty())
                .map("1"::equals).toList();
    }

    /** ffprobe adds an empty field to frames with side data ("1," or "I,"): the value is the first field. */
    private static String firstField(String line) {
        int comma = line.indexOf(',');
        return (comma < 0 ? line : line.substring(0, comma)).trim();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
