package io.posegate.gateway.cli;

import io.posegate.gateway.config.ConfigException;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Grouper;
import io.posegate.grouping.paf.Groupers;
import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import io.posegate.grouping.trtpose.TrtPoseGrouper;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code posegate group}: groups heatmaps and PAFs saved as NumPy {@code .npy} files and prints the
 * result as JSON: {@code --format trt_pose} trt_pose's own parse output, {@code --format people} the people
 * in heatmap pixels (pixel i spans [i, i+1)), {@code --format posegate} (default) people with named
 * keypoints times {@code --scale}. Flags override the descriptor's values. Exit code 0, or 2 with
 * "error: ..." on stderr when an input or a flag is unusable.
 */
@Command(name = "group", description = "Group heatmaps + PAFs (.npy) into people and print them as JSON.")
public final class GroupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--heatmaps", required = true, description = "Heatmaps .npy, [C,H,W] or [1,C,H,W] float32.")
    Path heatmaps;

    @Option(names = "--pafs", required = true, description = "Part affinity fields .npy, same H and W.")
    Path pafs;

    @Option(names = "--topology", description = "trt_pose human_pose.json (.json) or a model descriptor (.yaml/.yml) "
            + "giving topology, strategy and parameters. Default: the strategy's built-in topology.")
    Path topology;

    @Option(names = "--strategy", description = "trt_pose or openpose (default: the descriptor's; trt_pose for .json).")
    String strategy;

    @Option(names = {"--cmap-threshold", "--peak-threshold"}, description = "Overrides the peak (keypoint) threshold "
            + "(trt_pose's cmap_threshold; default: the descriptor's, else 0.1).")
    Float peakThreshold;

    @Option(names = "--link-threshold", description = "Overrides the limb (PAF) threshold (default: the descriptor's, else 0.1 "
            + "for trt_pose, 0.05 for openpose).")
    Float linkThreshold;

    @Option(names = "--window", description = "Overrides the peak window (trt_pose's cmap_window, an even one read as the next "
            + "odd size as trt_pose does; openpose's max-pool kernel, odd only).")
    Integer window;

    @Option(names = "--samples", description = "Overrides the line-integral samples per limb (2..1000).")
    Integer samples;

    @Option(names = "--max-parts", description = "Overrides the most peaks kept per keypoint channel (trt_pose's M; 1..1000).")
    Integer maxParts;

    @Option(names = {"--max-objects", "--max-people"}, description = "Overrides the most people kept (trt_pose's P; 1..1000).")
    Integer maxPeople;

    @Option(names = "--format", defaultValue = "posegate", description = "trt_pose (peak_counts, normalized_peaks, object_counts, "
            + "objects; trt_pose strategy only), people ({\"people\": [{\"score\", \"keypoints\": [[x, y, score] or null]}]} "
            + "in heatmap pixels) or posegate (named keypoints, with --scale; default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--scale", description = "Format posegate only: multiplies coordinates, e.g. the stride for input pixels (default: 1).")
    Float scale;

    @Option(names = "--pretty", description = "Indent the JSON.")
    boolean pretty;

    @Override
    public Integer call() {
        try {
            JsonObject result = run();
            spec.commandLine().getOut().println(pretty ? result.encodePrettily() : result.encode());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IOException e) {
            return fail("cannot read " + e.getMessage());
        } catch (IllegalArgumentException | ConfigException | DecodeException e) {
            return fail(e.getMessage());
        }
    }

    private JsonObject run() throws IOException {
        Topology top = null;
        GroupingParams params = null;
        String chosen = strategy;
        if (topology != null) {
            String file = topology.getFileName().toString().toLowerCase(Locale.ROOT);
            if (file.endsWith(".json")) {
                top = HumanPoseJson.read(topology);
                chosen = chosen == null ? "trt_pose" : chosen;
            } else if (file.endsWith(".yaml") || file.endsWith(".yml")) {
                ModelDescriptor d = ModelDescriptors.load(topology);
                top = d.topology();
                chosen = chosen == null ? d.grouping().strategy() : chosen;
                params = chosen.equals(d.grouping().strategy()) ? d.grouping().params() : null;
            } else {
                throw new IllegalArgumentException("--topology " + topology + ": expected a .json (trt_pose human_pose.json) "
                        + "or a .yaml/.yml model descriptor");
            }
        }
        if (chosen == null) {
            throw new IllegalArgumentException("give --strategy (" + String.join(", ", Groupers.STRATEGIES) + ") or --topology");
        }
        if (!Groupers.STRATEGIES.contains(chosen)) {
            throw new IllegalArgumentException("unknown grouping strategy '" + chosen + "'; known strategies: "
                    + String.join(", ", Groupers.STRATEGIES));
        }
        boolean trt = chosen.equals("trt_pose");
        GroupOutput.Format out = GroupOutput.Format.parse(format);
        if (!trt && out == GroupOutput.Format.TRT_POSE) {
            throw new IllegalArgumentException("--format trt_pose is trt_pose's raw parse output and has no meaning for the "
                    + "openpose strategy; use --format people or posegate");
        }
        if (scale != null && out != GroupOutput.Format.POSEGATE) {
            throw new IllegalArgumentException("--scale applies to --format posegate only; --format " + format
                    + " prints heatmap coordinates as trt_pose does");
        }
        top = top != null ? top : trt ? Topologies.trtPoseHuman() : Topologies.coco18OpenPose();
        params = overrides(params != null ? params : trt ? GroupingParams.trtPoseDefaults() : GroupingParams.openPoseDefaults());
        FeatureMap hm = Npy.read(heatmaps).toFeatureMap("--heatmaps " + heatmaps);
        FeatureMap paf = Npy.read(pafs).toFeatureMap("--pafs " + pafs);
        Grouper grouper = Groupers.create(chosen, top, params);
        Poses poses = new Poses(top.keypointCount(), params.maxPeople());
        grouper.group(hm, paf, poses);
        return switch (out) {
            case TRT_POSE -> GroupOutput.trtPose(((TrtPoseGrouper) grouper).raw());
            case PEOPLE -> GroupOutput.people(poses);
            case POSEGATE -> GroupOutput.posegate(poses, top, chosen, hm, scale == null ? 1f : scale);
        };
    }

    /**
     * The flags given, over {@code p}.
     *
     * @throws IllegalArgumentException naming the first flag out of its range (as GroupingParams bounds its fields)
     */
    private GroupingParams overrides(GroupingParams p) {
        return new GroupingParams(peakThreshold != null ? finite("--cmap-threshold (--peak-threshold)", peakThreshold) : p.peakThreshold(),
                linkThreshold != null ? finite("--link-threshold", linkThreshold) : p.linkThreshold(),
                window != null ? within("--window", window, 1, Integer.MAX_VALUE) : p.window(),
                samples != null ? within("--samples", samples, 2, GroupingParams.SAMPLES_LIMIT) : p.samples(),
                maxParts != null ? within("--max-parts", maxParts, 1, GroupingParams.PEAKS_LIMIT) : p.maxPeaks(),
                maxPeople != null ? within("--max-objects (--max-people)", maxPeople, 1, GroupingParams.PEOPLE_LIMIT) : p.maxPeople());
    }

    private static float finite(String flag, float v) {
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException(flag + " must be a finite number, got " + v);
        }
        return v;
    }

    private static int within(String flag, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(flag + " must be " + (max == Integer.MAX_VALUE ? "at least " + min
                    : min + ".." + max) + ", got " + v);
        }
        return v;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("error: " + message);
        spec.commandLine().getErr().flush();
        return 2;
    }
}
