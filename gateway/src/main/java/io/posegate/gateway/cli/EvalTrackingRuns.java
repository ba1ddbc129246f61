package io.posegate.gateway.cli;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.demo.DemoScene;
import io.posegate.gateway.demo.SceneOptions;
import io.posegate.gateway.eval.DemoTrackingRun;
import io.posegate.gateway.eval.GroupedRecording;
import io.posegate.gateway.eval.MotPanel;
import io.posegate.gateway.eval.MotRecord;
import io.posegate.gateway.eval.PeopleStats;
import io.posegate.gateway.eval.TrackerKind;
import io.posegate.gateway.eval.VideoTrackingRun;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.ffmpeg.FfmpegInputs;
import io.posegate.gateway.ingest.ffmpeg.FfmpegSource;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.grouping.LimbParts;
import io.posegate.grouping.metrics.MotMetrics;
import io.posegate.grouping.metrics.MotSummary;
import io.posegate.grouping.tracking.MultiPersonTracker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The runs of {@code posegate eval-tracking} for each tracker kind, with the options of its
 * {@link EvalTrackingCommand} (already checked): on a video ({@code --source}) the people statistics; on the
 * demo scene, per seed, the CLEAR-MOT and IDF1 figures (rendered and grouped, or replayed from a
 * {@code --record-input} recording), and with {@code --runs} the mean and worst of them.
 */
final class EvalTrackingRuns {
    private final EvalTrackingCommand cmd;
    private final List<TrackerKind> kinds;
    private final ModelRuntime rt;
    private final ModelDescriptor d;
    private final PrintWriter out;

    EvalTrackingRuns(EvalTrackingCommand cmd, List<TrackerKind> kinds, ModelRuntime rt, ModelDescriptor d, PrintWriter out) {
        this.cmd = cmd;
        this.kinds = kinds;
        this.rt = rt;
        this.d = d;
        this.out = out;
    }

    /** Runs and prints tracker {@code kind}. */
    void run(TrackerKind kind) throws Exception {
        if (cmd.source != null) {
            SourceSpec s = SourceSpec.of(cmd.source);
            PeopleStats stats = VideoTrackingRun.run(new FfmpegSource(FfmpegInputs.of(s, IngestPolicy.defaults()),
                    TargetSize.of(s), 0), cmd.frames, cmd.fps, rt, create(kind));
            out.println(kind.label() + ": " + stats);
        } else {
            MotPanel panel = new MotPanel();
            for (int i = 0; i < cmd.runs; i++) {
                long s = cmd.seed + i;
                DemoTrackingRun.Result r = demoRun(s, kind == kinds.get(0), kind);
                MotSummary m = MotMetrics.compute(r.frames());
                panel.add(m);
                String label = cmd.runs == 1 ? kind.label() : kind.label() + " seed " + s;
                out.println(label + ": " + m);
                out.println(label + ": " + r.people());
                if (cmd.record != null) {
                    String name = kinds.size() == 1 ? cmd.record.toString() : cmd.record + "." + kind.label();
                    MotRecord.write(r.frames(), Path.of(cmd.runs == 1 ? name : name + ".seed" + s));
                }
                out.flush();
            }
            if (cmd.runs > 1) {
                out.println(kind.label() + " seeds " + cmd.seed + ".." + (cmd.seed + cmd.runs - 1) + ": " + panel);
            }
        }
    }

    private DemoTrackingRun.Result demoRun(long s, boolean first, TrackerKind kind) throws InterruptedException, IOException {
        if (cmd.replay != null) {
            List<GroupedRecording.Frame> input = GroupedRecording.read(seeded(cmd.replay, s), d.topology().keypointCount(),
                    d.decoder().maxPeople());
            return DemoTrackingRun.replay(input, cmd.frames, d, create(kind));
        }
        DemoScene scene = new DemoScene(cmd.width, cmd.height, cmd.people, new SceneOptions(cmd.bar, cmd.enter, cmd.jitter, s));
        if (cmd.recordInput == null || !first) {
            return DemoTrackingRun.run(scene, cmd.frames, cmd.fps, rt, create(kind));
        }
        try (GroupedRecording.Writer w = new GroupedRecording.Writer(seeded(cmd.recordInput, s), d.topology().keypointCount(),
                LimbParts.of(d.topology()).count())) {
            return DemoTrackingRun.run(scene, cmd.frames, cmd.fps, rt, create(kind), w);
        }
    }

    private MultiPersonTracker create(TrackerKind kind) {
        return kind.create(d, cmd.appearance.equals("on"));
    }

    private Path seeded(Path file, long s) {
        return cmd.runs == 1 ? file : Path.of(file + ".seed" + s);
    }
}
