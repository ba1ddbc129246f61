package io.posegate.gateway.cli;

import io.posegate.gateway.auth.TokenHash;
import io.posegate.gateway.auth.Tokens;
import io.posegate.gateway.bench.FanoutRun;
import io.posegate.gateway.bench.GatewayRun;
import io.posegate.gateway.bench.PipelineReport;
import io.posegate.gateway.bench.RawLoop;
import io.posegate.gateway.bench.SyntheticVideo;
import io.posegate.gateway.ingest.ffmpeg.DecodeMode;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Files;
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
            for (String s : scenarios) {
                switch (s) {
                    case "single" -> single(vertx, report);
                    case "multi" -> multi(vertx, report);
                    case "fanout" -> fanout(vertx, report);
                    default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "unknown scenario '" + s + "'; known: single, multi, fanout");
                }
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        return 0;
    }

    private void single(Vertx vertx, PipelineReport report) throws Exception {
        ModelDescriptor d = descriptor();
        Path video = input != null ? input : sharedOr("media/vtest.avi", () -> generate(768, 576, 10, 100));
        String uri = "file:" + video.toAbsolutePath() + "#loop=true&pace=fast&scale=" + scale;
        JsonObject streamsJson = new JsonObject().put("cam", new JsonObject().put("source", uri));
        measure(vertx, report, d, "single: 1 stream, " + video.getFileName() + ", pace=fast, scale=" + scale + " (goal: ratio >= 0.95)", streamsJson);
    }

    private void multi(Vertx vertx, PipelineReport report) throws Exception {
        ModelDescriptor d = batch > 1 ? batchModel(descriptor()) : descriptor();
        Path clip = multiInput != null ? multiInput.toAbsolutePath() : generate(1280, 720, 25, 125);
        JsonObject streamsJson = new JsonObject();
        for (int i = 0; i < streams; i++) {
            streamsJson.put("cam" + i, new JsonObject().put("source", "file:" + clip + "#loop=true&decode=" + decode + "&scale=" + scale));
        }
        String title = "multi: " + streams + " streams, " + (multiInput != null ? multiInput.getFileName() : "1280x720 25 fps H.264")
                + ", native pace, decode=" + decode + ", scale=" + scale + ", ";
        try {
            GatewayRun.Result single = measure(vertx, report, d, title + "no batching", streamsJson, 1);
            if (batch > 1) {
                GatewayRun.Result batched = measure(vertx, report, d, title + "batches of up to " + batch
                        + " (inference.batch.maxSize " + batch + ", maxWaitMs " + batchWaitMs + ")", streamsJson, batch);
                Map<String, String> opts = options();
                RawLoop.Result rawSingle = RawLoop.measure(d, backend, opts, 3, Math.max(3, seconds / 2));
                RawLoop.Result rawBatch = null;
                try {
                    rawBatch = RawLoop.measure(d, backend, opts, 3, Math.max(3, seconds / 2), batch);
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getOut().println("   raw loop in batches: " + e.getMessage());
                }
                report.batching(batch, single, batched, rawSingle, rawBatch);
            }
        } finally {
            if (multiInput == null) {
                Files.deleteIfExists(clip);
            }
        }
    }

    /** Without --model-file, the shared folder's dynamic-batch variant of the model (NAME-batch.onnx) when there is one. */
    private ModelDescriptor batchModel(ModelDescriptor d) {
        String shared = System.getenv("POSEGATE_SHARED");
        if (modelFile != null || shared == null) {
            return d;
        }
        Path p = Path.of(shared, "models", d.name(), d.name() + "-batch.onnx");
        return Files.isRegularFile(p) ? d.withModelFile(p.toAbsolutePath()) : d;
    }

    private void measure(Vertx vertx, PipelineReport report, ModelDescriptor d, String title, JsonObject streamsJson) throws Exception {
        measure(vertx, report, d, title, streamsJson, 1);
    }

    private GatewayRun.Result measure(Vertx vertx, PipelineReport report, ModelDescriptor d, String title, JsonObject streamsJson,
                                      int maxBatch) throws Exception {
        Map<String, String> opts = options();
        report.title(title, backend, opts, workers, d);
        RawLoop.Result before = RawLoop.measure(d, backend, opts, 5, Math.max(3, seconds / 2));
        JsonObject cfg = config(d).put("streams", streamsJson);
        cfg.getJsonObject("inference").put("batch", new JsonObject().put("maxSize", maxBatch).put("maxWaitMs", batchWaitMs));
        GatewayRun.Result g = GatewayRun.measure(vertx, cfg, Path.of("").toAbsolutePath(), warmup, seconds, wsHeaders);
        RawLoop.Result after = RawLoop.measure(d, backend, opts, 5, Math.max(3, seconds / 2));
        report.pipeline(before, after, g);
        return g;
    }

    private void fanout(Vertx vertx, PipelineReport report) throws Exception {
        // security stays on: anonymous access off, the clients authenticate with a viewer token made for this run;
        // the per-address connection cap is raised for the loopback clients, the keep-alive covers the whole run
        Tokens.Issued viewer = Tokens.newToken();
        JsonObject tokens = new JsonObject().put("bench-viewer", new JsonObject().put("role", "viewer").put("id", viewer.id())
                .put("hash", TokenHash.hash(viewer.token())));
        int idle = 600;
        JsonObject cfg = new JsonObject().put("http", new JsonObject().put("port", 0).put("maxConnectionsPerAddress", clients + 100)
                        .put("wsIdleSeconds", idle))
                .put("auth", new JsonObject().put("anonymous", "none").put("tokens", tokens)).put("model", "demo-simulated")
                .put("modelsDir", models.modelsDir.toAbsolutePath().toString()).put("backend", "auto")
                .put("streams", new JsonObject().put("demo", new JsonObject().put("source", "demo:?people=4&fps=" + fanoutFps)));
        report.fanoutTitle(clients, stalled, fanoutFps);
        report.fanoutSecurity("anonymous none, clients send a viewer token (Authorization: Bearer); maxConnectionsPerAddress "
                + (clients + 100) + ", wsIdleSeconds " + idle + ", wsQueue 8 frames");
        FanoutRun.Result r = FanoutRun.measure(vertx, cfg, Path.of("").toAbsolutePath(), "demo", clients, stalled, warmup,
                seconds, wsHeaders, viewer.token());
        report.fanout(r, stalled);
    }

    private JsonObject config(ModelDescriptor d) {
        JsonObject backends = new JsonObject();
        JsonObject o = new JsonObject();
        options().forEach(o::put);
        backends.put(backend, o);
        return new JsonObject().put("http", new JsonObject().put("port", 0)).put("model", model)
                .put("modelFile", d.modelFile().toAbsolutePath().toString()).put("modelsDir", models.modelsDir.toAbsolutePath().toString())
                .put("backend", backend).put("backends", backends).put("inference", new JsonObject().put("workers", workers))
                .put("tracking", new JsonObject().put("enabled", true));
    }

    private Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>(backendOptions);
        if (backend.equals("onnx")) {
            o.putIfAbsent("intraOpThreads", "2");
        }
        return o;
    }

    private ModelDescriptor descriptor() {
        ModelDescriptor d = ModelDescriptors.resolve(model, models.modelsDir);
        if (modelFile != null) {
            return d.withModelFile(modelFile.toAbsolutePath());
        }
        if (d.modelFile() != null && Files.isRegularFile(d.modelFile())) {
            return d;
        }
        String shared = System.getenv("POSEGATE_SHARED");
        if (shared != null) {
            Path p = Path.of(shared, "models", d.name(), d.name() + ".onnx");
            if (Files.isRegularFile(p)) {
                return d.withModelFile(p.toAbsolutePath());
            }
        }
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "model file " + d.modelFile()
                + " not found; pass --model-file PATH or set POSEGATE_SHARED");
    }

    private interface Maker {
        Path make() throws Exception;
    }

    private static Path sharedOr(String relative, Maker fallback) throws Exception {
        String shared = System.getenv("POSEGATE_SHARED");
        if (shared != null && Files.isRegularFile(Path.of(shared, relative))) {
            return Path.of(shared, relative);
        }
        return fallback.make();
    }

    private Path generate(int w, int h, double fps, int frames) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("generating %d frames of %dx%d %.0f fps H.264 ...%n", frames, w, h, fps);
        out.flush();
        Path file = Files.createTempFile("posegate-bench-" + w + "x" + h + "-", ".mp4");
        file.toFile().deleteOnExit();
        return SyntheticVideo.write(file, w, h, frames, fps, 4_000_000);
    }
}
