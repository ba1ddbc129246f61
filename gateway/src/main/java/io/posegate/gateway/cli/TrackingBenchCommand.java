package io.posegate.gateway.cli;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.bench.TrackingCost;
import io.posegate.gateway.eval.GroupedRecording;
import io.posegate.gateway.eval.TrackerKind;
import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.Sources;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.grouping.LimbParts;
import io.posegate.spi.BackendOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code posegate bench tracking}: the tracker's cost as a share of grouping's on real frames, both measured
 * in the same run ({@link TrackingCost}); the grouping JMH bench measures the same share on synthetic maps.
 */
@Command(name = "tracking", description = "Tracking time as a share of grouping time on a real video through a real model: "
        + "frames recorded once, then grouping, colour sampling and tracking timed apart over repeated passes.")
public final class TrackingBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", description = "Source URI (default: file:$POSEGATE_SHARED/media/vtest.avi#pace=fast); "
            + "'demo:?people=8&bar=true&fps=240' runs the demo scene through the simulated model (fps=240: recorded faster than real time).")
    String source;

    @Option(names = "--model", description = "Descriptor name or path (default: human-pose-estimation-0001; demo-simulated for a demo: source).")
    String model;

    @Mixin
    ModelsDirOption models;

    @Option(names = "--model-file", description = "The model file (default: the descriptor's, else $POSEGATE_SHARED/models/NAME/NAME.onnx).")
    Path modelFile;

    @Option(names = "--backend", defaultValue = "auto", description = "auto, or a backend name (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--frames", defaultValue = "300", description = "Frames recorded, kept in direct memory: about 1.8 MB each for "
            + "human-pose-estimation-0001 and 3 MB for the demo with appearance on, 0.4 and 1.6 MB with it off; raise -XX:MaxDirectMemorySize "
            + "for long runs (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--fps", defaultValue = "10", description = "Frame rate of the tracker's timestamps (vtest.avi's; default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--warmup", defaultValue = "200", description = "Passes run before measuring: the tracker is called once per frame, "
            + "so its code needs many frames to be compiled (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--passes", defaultValue = "50", description = "Passes measured; the median pass is reported (default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--appearance", defaultValue = "on", description = "on or off: the tracker's colour cue, and colour sampling with it; "
            + "always off for the greedy tracker, which has none (default: ${DEFAULT-VALUE}).")
    String appearance;

    @Option(names = "--tracker", defaultValue = "tracker", description = "tracker, or greedy (the first tracker; default: ${DEFAULT-VALUE}).")
    String tracker;

    @Option(names = "--record-input", description = "After measuring, also write the tracker's input (timestamps and people, as "
            + "eval-tracking --record-input does, no ground truth) to this file: for replaying through other tracker builds.")
    Path recordInput;

    @Override
    public Integer call() throws Exception {
        check(frames >= 1, "--frames must be >= 1, got " + frames);
        check(passes >= 1, "--passes must be >= 1, got " + passes);
        check(warmup >= 0, "--warmup must be >= 0, got " + warmup);
        check(fps > 0, "--fps must be > 0, got " + fps);
        check(appearance.equals("on") || appearance.equals("off"), "--appearance must be on or off, got '" + appearance + "'");
        Path recordDir = recordInput == null ? null : recordInput.toAbsolutePath().getParent();
        check(recordDir == null || Files.isDirectory(recordDir), "--record-input: no directory " + recordDir);
        TrackerKind kind = TrackerKind.parse(tracker);
        boolean colours = appearance.equals("on") && kind == TrackerKind.TRACKER;
        SourceSpec s = SourceSpec.of(source != null ? source : sharedVideo());
        boolean demo = s.scheme().equals("demo");
        ModelDescriptor d = PipelineBenchModel.withModelFile(ModelDescriptors.resolve(model != null ? model
                : demo ? "demo-simulated" : "human-pose-estimation-0001", models.modelsDir), modelFile, spec);
        TrackingCost cost = new TrackingCost(d, colours);
        PrintWriter out = spec.commandLine().getOut();
        FrameSource src = Sources.defaultFactory(IngestPolicy.defaults(), new WebcamHub(IngestPolicy.defaults().webcam())).create(s);
        try (ModelRuntime rt = ModelRuntime.open(d, BackendRegistry.discover().select(backend, d.format()), BackendOptions.empty())) {
            out.printf("recording up to %d frames of %s through %s on %s ...%n", frames, src.describe(), d.name(), rt.backendName());
            out.flush();
            int n = cost.record(src, rt, frames);
            if (n == 0) {
                throw new ParameterException(spec.commandLine(), "source " + src.describe() + " gave no frames");
            }
            out.printf("recorded %d frames; %d warm-up and %d measured passes, tracker %s, appearance %s%n", n, warmup, passes,
                    kind.label(), colours ? "on" : "off");
        }
        List<TrackingCost.Pass> measured = new ArrayList<>();
        for (int i = 0; i < warmup + passes; i++) {
            TrackingCost.Pass p = cost.pass(() -> kind.create(d, colours), colours, fps);
            if (i >= warmup) {
                measured.add(p);
            }
        }
        report(out, measured);
        if (recordInput != null) {
            try (GroupedRecording.Writer w = new GroupedRecording.Writer(recordInput, d.topology().keypointCount(),
                    LimbParts.of(d.topology()).count())) {
                cost.pass(() -> kind.create(d, colours), colours, fps, w);
            }
            out.println("tracker input written to " + recordInput);
        }
        return 0;
    }

    private static void report(PrintWriter out, List<TrackingCost.Pass> measured) {
        measured.sort(Comparator.comparingDouble(TrackingCost.Pass::trackingShare));
        TrackingCost.Pass m = measured.get(measured.size() / 2);
        out.printf("machine: %d cores, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf("per frame: %.2f detections in, %.2f people published%n", (double) m.detections() / m.frames(),
                (double) m.published() / m.frames());
        out.printf("median pass: grouping %.1f us, colour sampling %.1f us, tracking %.2f us per frame%n",
                m.micros(m.groupingNanos()), m.micros(m.coloursNanos()), m.micros(m.trackingNanos()));
        out.printf("tracking / grouping: %.1f %% (passes %.1f .. %.1f %%); with colour sampling %.1f %%%n",
                100 * m.trackingShare(), 100 * measured.get(0).trackingShare(),
                100 * measured.get(measured.size() - 1).trackingShare(), 100 * m.withColoursShare());
        out.flush();
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    private String sharedVideo() throws Exception {
        Path video = BenchClips.sharedOr("media/vtest.avi", () -> {
            throw new ParameterException(spec.commandLine(), "no --source given and $POSEGATE_SHARED/media/vtest.avi not found; "
                    + "pass --source URI or set POSEGATE_SHARED");
        });
        return "file:" + video.toAbsolutePath() + "#pace=fast";
    }
}
