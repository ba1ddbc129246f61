package io.posegate.gateway.cli;

import io.posegate.gateway.bench.GatewayRun;
import io.posegate.gateway.bench.PipelineReport;
import io.posegate.gateway.bench.RawLoop;
import io.posegate.gateway.model.ModelDescriptor;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code single} and {@code multi} scenarios of {@code posegate bench pipeline}: each gateway run
 * between two raw backend loops on the same model, backend and options, reported in the same run; in
 * {@code multi}, also a batched gateway run and raw loops in batches.
 */
final class PipelineScenarios {
    private final PipelineBenchCommand cmd;
    private final PipelineBenchModel model;
    private final Vertx vertx;
    private final PipelineReport report;

    PipelineScenarios(PipelineBenchCommand cmd, Vertx vertx, PipelineReport report) {
        this.cmd = cmd;
        this.model = new PipelineBenchModel(cmd);
        this.vertx = vertx;
        this.report = report;
    }

    void single() throws Exception {
        ModelDescriptor d = model.descriptor();
        Path video = cmd.input != null ? cmd.input : BenchClips.sharedOr("media/vtest.avi", () -> generate(768, 576, 10, 100));
        String uri = "file:" + video.toAbsolutePath() + "#loop=true&pace=fast&scale=" + cmd.scale;
        JsonObject streamsJson = new JsonObject().put("cam", new JsonObject().put("source", uri));
        measure(d, "single: 1 stream, " + video.getFileName() + ", pace=fast, scale=" + cmd.scale + " (goal: ratio >= 0.95)", streamsJson, 1);
    }

    void multi() throws Exception {
        int batch = cmd.batch;
        ModelDescriptor d = batch > 1 ? model.batchModel(model.descriptor()) : model.descriptor();
        Path clip = cmd.multiInput != null ? cmd.multiInput.toAbsolutePath() : generate(1280, 720, 25, 125);
        JsonObject streamsJson = new JsonObject();
        for (int i = 0; i < cmd.streams; i++) {
            streamsJson.put("cam" + i, new JsonObject().put("source", "file:" + clip + "#loop=true&decode=" + cmd.decode + "&scale=" + cmd.scale));
        }
        String title = "multi: " + cmd.streams + " streams, " + (cmd.multiInput != null ? cmd.multiInput.getFileName() : "1280x720 25 fps H.264")
                + ", native pace, decode=" + cmd.decode + ", scale=" + cmd.scale + ", ";
        try {
            GatewayRun.Result single = measure(d, title + "no batching", streamsJson, 1);
            if (batch > 1) {
                GatewayRun.Result batched = measure(d, title + "batches of up to " + batch
                        + " (inference.batch.maxSize " + batch + ", maxWaitMs " + cmd.batchWaitMs + ")", streamsJson, batch);
                Map<String, String> opts = model.options();
                RawLoop.Result rawSingle = RawLoop.measure(d, cmd.backend, opts, 3, Math.max(3, cmd.seconds / 2));
                RawLoop.Result rawBatch = null;
                try {
                    rawBatch = RawLoop.measure(d, cmd.backend, opts, 3, Math.max(3, cmd.seconds / 2), batch);
                } catch (IllegalArgumentException e) {
                    cmd.spec.commandLine().getOut().println("   raw loop in batches: " + e.getMessage());
                }
                report.batching(batch, single, batched, rawSingle, rawBatch);
            }
        } finally {
            if (cmd.multiInput == null) {
                Files.deleteIfExists(clip);
            }
        }
    }

    private GatewayRun.Result measure(ModelDescriptor d, String title, JsonObject streamsJson, int maxBatch) throws Exception {
        Map<String, String> opts = model.options();
        report.title(title, cmd.backend, opts, cmd.workers, d);
        RawLoop.Result before = RawLoop.measure(d, cmd.backend, opts, 5, Math.max(3, cmd.seconds / 2));
        JsonObject cfg = model.config(d).put("streams", streamsJson);
        cfg.getJsonObject("inference").put("batch", new JsonObject().put("maxSize", maxBatch).put("maxWaitMs", cmd.batchWaitMs));
        GatewayRun.Result g = GatewayRun.measure(vertx, cfg, Path.of("").toAbsolutePath(), cmd.warmup, cmd.seconds, cmd.wsHeaders);
        RawLoop.Result after = RawLoop.measure(d, cmd.backend, opts, 5, Math.max(3, cmd.seconds / 2));
        report.pipeline(before, after, g);
        return g;
    }

    private Path generate(int w, int h, double fps, int frames) throws Exception {
        PrintWriter out = cmd.spec.commandLine().getOut();
        return BenchClips.generate(out, w, h, fps, frames);
    }
}
