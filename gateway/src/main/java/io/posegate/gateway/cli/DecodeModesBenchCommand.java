package io.posegate.gateway.cli;

import io.posegate.gateway.bench.DecodeModePass;
import io.posegate.gateway.bench.SyntheticVideo;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.ffmpeg.DecodeMode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code posegate bench decode}: the CPU one live stream's decoding costs under each {@code decode} mode
 * while most frames are dropped, alternating the modes over rounds in one run and keeping each mode's
 * cheapest pass; reported per second of video and as a ratio to {@code all}.
 */
@Command(name = "decode", description = "CPU of live decoding per decode mode (all, auto, fast, keyframes) while most frames are dropped; same run, ratio to 'all'.")
public final class DecodeModesBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input", description = "Video to decode (default: a generated 1280x720 25 fps H.264 clip, as 'bench pipeline --scenario multi').")
    Path input;

    @Option(names = "--fps", defaultValue = "25", description = "The video's frame rate, to express CPU per second of video (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--keep", defaultValue = "10", description = "A frame is used every N frame intervals of the video, the rest are "
            + "dropped (default: ${DEFAULT-VALUE}: 4 streams at 25 fps against about 10 inferred frames/s).")
    int keep;

    @Option(names = "--size", defaultValue = "456x256", description = "Size used frames are converted to (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--rounds", defaultValue = "5", description = "Rounds over all modes; the cheapest pass of each mode is kept (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
        if (wh.length != 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--size must be WIDTHxHEIGHT, got '" + size + "'");
        }
        TargetSize target = new TargetSize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        Path video = input != null ? input : generated(out);
        Map<DecodeMode, DecodeModePass.Result> best = new EnumMap<>(DecodeMode.class);
        try {
            for (int r = 0; r < Math.max(1, rounds); r++) {
                for (DecodeMode m : DecodeMode.values()) {
                    DecodeModePass.Result p = DecodeModePass.run(video, m, keep, fps, target);
                    best.merge(m, p, (a, b) -> b.cpuSeconds() < a.cpuSeconds() ? b : a);
                }
            }
        } finally {
            if (input == null) {
                Files.deleteIfExists(video);
            }
        }
        report(out, video, best);
        return 0;
    }

    private void report(PrintWriter out, Path video, Map<DecodeMode, DecodeModePass.Result> best) {
        out.printf("machine: %d cores, load average %.2f; %s read as a live stream, a frame used every %d frame intervals (converted to %s)%n",
                Runtime.getRuntime().availableProcessors(), java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(), video.getFileName(), keep, size);
        DecodeModePass.Result all = best.get(DecodeMode.ALL);
        List<String> lines = new ArrayList<>();
        for (DecodeModePass.Result p : best.values()) {
            double videoSeconds = all.decoded() / fps;
            lines.add(String.format("decode=%-9s  %4d pictures decoded, %3d used   %6.1f ms CPU per second of video"
                            + " (%.3f cores per %.0f fps stream)   %.2f of 'all'", p.mode().option(), p.decoded(), p.used(),
                    p.cpuSeconds() * 1000 / videoSeconds, p.cpuSeconds() / videoSeconds, fps, p.cpuSeconds() / all.cpuSeconds()));
        }
        lines.forEach(out::println);
        out.flush();
    }

    private Path generated(PrintWriter out) throws Exception {
        out.println("generating 125 frames of 1280x720 25 fps H.264 ...");
        out.flush();
        Path file = Files.createTempFile("posegate-bench-decode-", ".mp4");
        file.toFile().deleteOnExit();
        return SyntheticVideo.write(file, 1280, 720, 125, 25, 4_000_000);
    }
}
