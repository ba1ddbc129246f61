package io.posegate.gateway.cli;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.eval.TrackerKind;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.spi.BackendOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code posegate eval-tracking}: measures trackers. On the demo scene (default) it matches published
 * people to the scene's ground truth by OKS and prints CLEAR-MOT (MOTA, ID switches) and IDF1; on a video
 * ({@code --source}) it prints distinct ids and people per frame. Exit code 0, or 2 with "error: ...".
 */
@Command(name = "eval-tracking", description = "Measure tracking: MOTA, ID switches and IDF1 on the demo scene's "
        + "ground truth, or distinct ids and people per frame on a video (--source).")
final class EvalTrackingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tracker", defaultValue = "both", description = "tracker, greedy (the first tracker) or both (default: ${DEFAULT-VALUE}).")
    String tracker;

    @Option(names = "--appearance", defaultValue = "on", description = "on or off: whether the tracker uses people's limb "
            + "colours (the gateway's tracking.appearance; default: ${DEFAULT-VALUE}).")
    String appearance;

    @Option(names = "--people", defaultValue = "8", description = "Demo: people, 1..8 (default: ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--frames", defaultValue = "600", description = "Frames to run (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--fps", defaultValue = "15", description = "Frame rate of the timestamps (demo and video; default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--width", defaultValue = "640", description = "Demo: picture width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "360", description = "Demo: picture height (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--bar", description = "Demo: a moving bar occludes people.")
    boolean bar;

    @Option(names = "--enter", description = "Demo: people walk out of the picture and come back.")
    boolean enter;

    @Option(names = "--jitter", defaultValue = "0", description = "Demo: frame-time jitter in periods, 0..0.9 (default: ${DEFAULT-VALUE}).")
    double jitter;

    @Option(names = "--seed", defaultValue = "0", description = "Demo: scene seed; 0 is the standard scene, others draw other "
            + "walkers, bar phase and jitter (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--runs", defaultValue = "1", description = "Demo: run the scenes of seeds --seed .. --seed + runs - 1 and "
            + "print each run and the mean and worst figures (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--record", description = "Demo: write the matched frames as JSON lines (motmetrics input) to this file "
            + "(with --tracker both: FILE.tracker and FILE.greedy).")
    Path record;

    @Option(names = "--record-input", description = "Demo: also write the tracker's input (the grouper's people, timestamps "
            + "and ground truth) to this file (with --runs: FILE.seedN), for --replay.")
    Path recordInput;

    @Option(names = "--replay", description = "Run the tracker on input written by --record-input (with --runs: FILE.seedN) "
            + "instead of rendering and grouping the demo; prints the same figures in a fraction of the time.")
    Path replay;

    @Option(names = "--source", description = "A video source URI instead of the demo, e.g. 'file:vtest.avi#pace=fast'.")
    String source;

    @Option(names = "--model", description = "Model descriptor name or path (default: demo-simulated; required with --source).")
    String model;

    @Mixin
    ModelOptions models;

    @Option(names = "--backend", defaultValue = "auto", description = "auto, or a backend name (default: ${DEFAULT-VALUE}).")
    String backend;

    @Override
    public Integer call() throws Exception {
        List<TrackerKind> kinds = tracker.equals("both") ? List.of(TrackerKind.GREEDY, TrackerKind.TRACKER)
                : List.of(TrackerKind.parse(tracker));
        if (!appearance.equals("on") && !appearance.equals("off")) {
            throw new IllegalArgumentException("--appearance must be on or off, got '" + appearance + "'");
        }
        if (frames < 1 || !(fps > 0)) {
            throw new IllegalArgumentException("--frames must be >= 1 and --fps > 0");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be >= 1, got " + runs);
        }
        if (replay != null && (source != null || recordInput != null)) {
            throw new IllegalArgumentException("--replay reads a recorded demo run; it cannot be combined with "
                    + (source != null ? "--source" : "--record-input"));
        }
        if (source != null && model == null) {
            throw new IllegalArgumentException("--source needs --model (and usually --model-file)");
        }
        ModelDescriptor d = models.descriptor(model == null ? "demo-simulated" : model);
        PrintWriter out = spec.commandLine().getOut();
        try (ModelRuntime rt = ModelRuntime.open(d, BackendRegistry.discover().select(backend, d.format()), BackendOptions.empty())) {
            EvalTrackingRuns evaluation = new EvalTrackingRuns(this, kinds, rt, d, out);
            for (TrackerKind kind : kinds) {
                evaluation.run(kind);
                out.flush();
            }
        }
        return 0;
    }
}
