package io.posegate.gateway.cli;

import io.posegate.gateway.bench.PipelineReport;
import io.posegate.gateway.ingest.ffmpeg.DecodeMode;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code posegate bench pipeline}: the raw backend loop and the whole gateway on the same model, backend,
 * options and input size, in the same run, per scenario: {@code single} (one file stream, {@code pace=fast}),
 * {@code multi} (N generated 1280x720 25 fps H.264 streams at native pace) and {@code fanout} (many
 * WebSocket clients on the demo stream, some never reading).
 *
 * <p>This class holds the options; {@link PipelineScenarios} runs single and multi, {@link FanoutScenario}
 * fanout, {@link PipelineBenchModel} resolves the model and {@link BenchClips} the videos.
 */
@Command(name = "pipeline", description = "Raw backend loop vs the whole gateway (same run): frames/s, ratio, capture-to-send p50/p99, CPU per stage; WebSocket fan-out.")
public final class PipelineBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", split = ",", defaultValue = "single,multi",
            description = "Scenarios to run: single, multi, fanout (default: ${DEFAULT-VALUE}).")
    List<String> scenarios;

    @Option(names = "--model", defaultValue = "human-pose-estimation-0001", description = "Descriptor name or path (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    ModelsDirOption models;

    @Option(names = "--model-file", description = "The model file (default: the descriptor's, else $POSEGATE_SHARED/models/NAME/NAME.onnx).")
    Path modelFile;

    @Option(names = "--backend", defaultValue = "onnx", description = "Backend for both the raw loop and the gateway (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--backend-option", description = "KEY=VALUE backend option, repeatable (default for onnx: intraOpThreads=2).")
    Map<String, String> backendOptions = new LinkedHashMap<>();

    @Option(names = "--input", description = "Video for 'single' (default: $POSEGATE_SHARED/media/vtest.avi, else a generated 768x576 clip).")
    Path input;

    @Option(names = "--streams", defaultValue = "4", description = "Streams in 'multi' (default: ${DEFAULT-VALUE}).")
    int streams;

    @Option(names = "--batch", defaultValue = "4", description = "In 'multi', also run the gateway with inference.batch.maxSize N "
            + "(and the raw loop with batches of N) after the unbatched run; 1 skips it. The model needs a dynamic batch "
            + "dimension: without --model-file, $POSEGATE_SHARED/models/NAME/NAME-batch.onnx is used for both runs when it exists "
            + "(default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--decode", defaultValue = "auto", description = "In 'multi', the streams' decode option: all, auto, fast or "
            + "keyframes (see docs/ingest.md; default: ${DEFAULT-VALUE}).")
    String decode;

    @Option(names = "--scale", defaultValue = "planar", description = "In 'single' and 'multi', the streams' scale option: planar "
            + "(scale in YUV, then convert) or direct (one pass to BGR; see docs/ingest.md; default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--multi-input", description = "Video for 'multi' instead of the generated 1280x720 25 fps clip (e.g. one with B-frames).")
    Path multiInput;

    @Option(names = "--batch-wait-ms", defaultValue = "5", description = "inference.batch.maxWaitMs of the batched run (default: ${DEFAULT-VALUE}).")
    int batchWaitMs;

    @Option(names = "--workers", defaultValue = "0", description = "The gateway's inference.workers cap; 0 follows the backend (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--seconds", defaultValue = "20", description = "Measuring window per run (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "Seconds of gateway warm-up before measuring (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--clients", defaultValue = "1000", description = "WebSocket clients in 'fanout' (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--stalled", defaultValue = "100", description = "Of those, clients that never read (default: ${DEFAULT-VALUE}).")
    int stalled;

    @Option(names = "--fanout-fps", defaultValue = "15", description = "The demo stream's rate in 'fanout' (default: ${DEFAULT-VALUE}).")
    double fanoutFps;

    @Option(names = "--ws-header", description = "NAME=VALUE header sent when opening /ws (e.g. a token), repeatable.")
    Map<String, String> wsHeaders = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        try {
            DecodeMode.parse(decode);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--decode: " + e.getMessage());
        }
        try {
            io.posegate.gateway.ingest.ffmpeg.ScaleMode.parse(scale);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scale: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PipelineReport report = new PipelineReport(out);
        report.machine();
        Vertx vertx = Vertx.vertx();
        try {
            PipelineScenarios run = new PipelineScenarios(this, vertx, report);
            for (String s : scenarios) {
                switch (s) {
                    case "single" -> run.single();
                    case "multi" -> run.multi();
                    case "fanout" -> FanoutScenario.run(this, vertx, report);
                    default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "unknown scenario '" + s + "'; known: single, multi, fanout");
                }
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        return 0;
    }
}
