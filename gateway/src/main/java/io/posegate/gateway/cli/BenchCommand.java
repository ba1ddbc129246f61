package io.posegate.gateway.cli;

import io.posegate.gateway.bench.DecodeBench;
import io.posegate.gateway.bench.SyntheticVideo;
import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.SourceFactory;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.Sources;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.model.InputSpec;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.gateway.model.Preprocessor;
import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code posegate bench}: decodes an H.264 video (1080p, generated unless {@code --input} is given) on one
 * thread, alone and followed by pre-processing to a model's input, alternating the two passes, and prints
 * frames per second per core for each and their ratio, all from the same run.
 */
@Command(name = "bench", description = "Measure decode and decode+pre-processing throughput per core; 'bench pipeline' measures the whole gateway against the raw backend; 'bench decode' the CPU of live decoding per decode mode; 'bench tracking' the tracker's cost against grouping on real frames.",
        subcommands = {PipelineBenchCommand.class, DecodeModesBenchCommand.class, TrackingBenchCommand.class})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input", description = "A video file to decode instead of the generated 1080p H.264 clip.")
    Path input;

    @Option(names = "--frames", defaultValue = "300", description = "Frames in the generated clip (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--size", defaultValue = "1920x1080", description = "Size of the generated clip (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--model", defaultValue = "human-pose-estimation-0001",
            description = "Descriptor whose input the frames are pre-processed to (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    ModelsDirOption models;

    @Option(names = "--decode-size", description = "Have FFmpeg scale to WIDTHxHEIGHT while decoding (a stream's width/height), e.g. 456x256.")
    String decodeSize;

    @Option(names = "--rounds", defaultValue = "3", description = "Alternating rounds of both passes; the best of each is kept (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        InputSpec inputSpec = ModelDescriptors.resolve(model, models.modelsDir).input();
        Path video = input != null ? input : generate(out);
        SourceFactory factory = Sources.defaultFactory(IngestPolicy.defaults(), new WebcamHub(IngestPolicy.defaults().webcam()));
        int[] target = decodeSize == null ? new int[] {0, 0} : parseSize(decodeSize);
        Supplier<FrameSource> sources = () -> factory.create(new SourceSpec("file:" + video, SourceSpec.Origin.CONFIG_FILE,
                0, target[0], target[1], Map.of("pace", "fast", "threads", "1")));
        Preprocessor pre = new Preprocessor(inputSpec);
        Tensor tensor = Tensor.allocate(inputSpec.name(), ElementType.FLOAT32, inputSpec.shape());
        DecodeBench.Result decode = null;
        DecodeBench.Result both = null;
        for (int r = 0; r < Math.max(1, rounds); r++) {
            decode = best(decode, DecodeBench.pass(sources, null));
            both = best(both, DecodeBench.pass(sources, f -> pre.preprocess(f, tensor)));
        }
        report(out, video, inputSpec, decode, both);
        if (input == null) {
            Files.deleteIfExists(video);
        }
        return 0;
    }

    private Path generate(PrintWriter out) throws Exception {
        int[] wh = parseSize(size);
        int w = wh[0];
        int h = wh[1];
        Path file = Files.createTempFile("posegate-bench-", ".mp4");
        out.printf("generating %d frames of %dx%d H.264 ...%n", frames, w, h);
        out.flush();
        return SyntheticVideo.write(file, w, h, frames, 30, 8_000_000);
    }

    private int[] parseSize(String text) {
        String[] wh = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (wh.length == 2) {
                return new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "size must be WIDTHxHEIGHT, got '" + text + "'");
    }

    private static DecodeBench.Result best(DecodeBench.Result a, DecodeBench.Result b) {
        return a == null || b.framesPerCoreSecond() > a.framesPerCoreSecond() ? b : a;
    }

    private static void report(PrintWriter out, Path video, InputSpec in, DecodeBench.Result decode, DecodeBench.Result both) {
        out.printf("video: %s, %d frames, decoded on one thread to %dx%d BGR%n", video.getFileName(), decode.frames(),
                decode.width(), decode.height());
        out.printf("model input: %s [1,3,%d,%d] float32 NCHW, %s%n", in.name(), in.height(), in.width(), in.resize());
        out.printf("decode alone:         %7.1f frames/s per core  (%6.2f ms/frame; process CPU %6.1f frames/s, wall %6.1f frames/s)%n",
                decode.framesPerCoreSecond(), decode.millisPerFrame(), decode.framesPerProcessCpuSecond(),
                decode.frames() / decode.wallSeconds());
        out.printf("decode + preprocess:  %7.1f frames/s per core  (%6.2f ms/frame, of which preprocess %5.2f ms;"
                        + " process CPU %6.1f frames/s, wall %6.1f frames/s)%n",
                both.framesPerCoreSecond(), both.millisPerFrame(), both.stepMillisPerFrame(),
                both.framesPerProcessCpuSecond(), both.frames() / both.wallSeconds());
        out.printf("ratio (decode+preprocess / decode alone): %.3f%n", both.framesPerCoreSecond() / decode.framesPerCoreSecond());
        out.flush();
    }
}
