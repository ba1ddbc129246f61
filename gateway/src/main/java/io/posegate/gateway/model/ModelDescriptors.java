package io.posegate.gateway.model;

import io.posegate.gateway.config.ConfigException;
import io.posegate.gateway.config.FieldReader;
import io.posegate.gateway.config.Yaml;
import io.posegate.grouping.Groupers;
import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Limb;
import io.posegate.grouping.Topology;
import io.posegate.grouping.tracking.PublishRule;
import io.posegate.spi.ModelFormat;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads model descriptors (YAML, see {@code config/models/}) and validates them up front: every
 * problem is reported at once, each naming its field. Model files are resolved relative to the
 * descriptor's folder.
 */
public final class ModelDescriptors {
    private ModelDescriptors() {
    }

    /**
     * Resolves {@code nameOrPath}: an existing file, or the name of a descriptor in {@code modelsDir}.
     *
     * @throws ConfigException naming the value and listing the known descriptor names
     */
    public static ModelDescriptor resolve(String nameOrPath, Path modelsDir) {
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) {
            return load(p);
        }
        Path named = modelsDir.resolve(nameOrPath + ".yaml");
        if (Files.isRegularFile(named)) {
            return load(named);
        }
        throw new ConfigException("model '" + nameOrPath + "'", List.of(
                "no descriptor file of that path and no descriptor of that name in " + modelsDir + "; known: " + known(modelsDir)));
    }

    /** Names of the descriptors in a folder. */
    public static List<String> known(Path modelsDir) {
        try (Stream<Path> files = Files.list(modelsDir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Reads and validates one descriptor file.
     *
     * @throws ConfigException listing every problem, each with its field path
     */
    public static ModelDescriptor load(Path file) {
        JsonObject json = Yaml.read(file, "model descriptor");
        List<String> errors = new ArrayList<>();
        ModelDescriptor d = parse(json, file.toAbsolutePath().normalize(), errors);
        if (!errors.isEmpty()) {
            throw new ConfigException("model descriptor " + file, errors);
        }
        return d;
    }

    static ModelDescriptor parse(JsonObject json, Path file, List<String> errors) {
        FieldReader root = FieldReader.root(json, errors);
        root.onlyKnown("name", "family", "description", "model", "input", "output", "topology", "grouping");
        String name = root.requiredString("name");
        String family = root.string("family", "unknown");
        FieldReader model = root.object("model");
        model.onlyKnown("format", "file");
        String fileName = model.requiredString("file");
        Path modelFile = fileName == null ? null : file.getParent().resolve(fileName).normalize();
        ModelFormat format = null;
        String formatName = model.string("format", null);
        if (formatName != null) {
            try {
                format = ModelFormat.fromId(formatName);
            } catch (IllegalArgumentException e) {
                model.error("format", e.getMessage());
            }
        } else if (fileName != null) {
            format = ModelFormat.fromFileName(fileName);
            if (format == null) {
                model.error("format", "is required: cannot tell the format from file name '" + fileName + "'");
            }
        }
        InputSpec input = InputSpecs.parse(root.object("input"));
        Topology topology = parseTopology(root.object("topology"), name);
        OutputSpec output = parseOutput(root.object("output"), input, topology);
        GroupingSpec grouping = parseGrouping(root.object("grouping"), family);
        return new ModelDescriptor(name, family, file, format, modelFile, input, output, topology, grouping);
    }

    private static OutputSpec parseOutput(FieldReader r, InputSpec input, Topology topology) {
        r.onlyKnown("decoder", "stride", "tensors");
        String decoder = r.string("decoder", "paf");
        int stride = r.integer("stride", 8, 1, 64);
        if (input != null && (input.height() % stride != 0 || input.width() % stride != 0)) {
            r.error("stride", "input size " + input.height() + "x" + input.width() + " is not a multiple of stride " + stride);
        }
        FieldReader tensors = r.object("tensors");
        Map<String, TensorRef> refs = new LinkedHashMap<>();
        for (String role : tensors.raw().fieldNames()) {
            FieldReader t = tensors.object(role);
            t.onlyKnown("name", "channels", "scale");
            String tensorName = t.requiredString("name");
            int from = 0;
            int to = -1;
            float[] range = t.floats("channels", 2);
            if (range != null) {
                from = (int) range[0];
                to = (int) range[1];
                if (from < 0 || to <= from) {
                    t.error("channels", "must be [from, to) with 0 <= from < to, got [" + from + ", " + to + "]");
                }
            }
            float scale = (float) t.number("scale", 1.0);
            if (tensorName != null) {
                refs.put(role, new TensorRef(tensorName, from, to, scale));
            }
        }
        List<String> missing = OutputDecoders.requiredRoles(decoder, r);
        for (String role : missing) {
            if (!refs.containsKey(role)) {
                r.error("tensors." + role, "is required by decoder '" + decoder + "'");
            }
        }
        TensorRef hm = refs.get("heatmaps");
        if (hm != null && hm.channelTo() >= 0 && topology != null && hm.channelTo() - hm.channelFrom() < topology.keypointCount()) {
            r.error("tensors.heatmaps.channels", "holds " + (hm.channelTo() - hm.channelFrom()) + " channels but the topology has "
                    + topology.keypointCount() + " keypoints");
        }
        TensorRef paf = refs.get("pafs");
        if (paf != null && paf.channelTo() >= 0 && topology != null && paf.channelTo() - paf.channelFrom() < topology.pafChannels()) {
            r.error("tensors.pafs.channels", "holds " + (paf.channelTo() - paf.channelFrom()) + " channels but the limbs use "
                    + topology.pafChannels());
        }
        return new OutputSpec(decoder, stride, refs);
    }

    private static Topology parseTopology(FieldReader r, String name) {
        r.onlyKnown("name", "keypoints", "limbs", "background");
        JsonArray kps = r.array("keypoints");
        List<String> keypoints = new ArrayList<>();
        if (kps == null || kps.isEmpty()) {
            r.error("keypoints", "is required: a list of keypoint names");
        } else {
            kps.forEach(k -> keypoints.add(String.valueOf(k)));
        }
        List<Limb> limbs = new ArrayList<>();
        JsonArray ls = r.array("limbs");
        if (ls == null || ls.isEmpty()) {
            r.error("limbs", "is required: a list of [from, to, pafX, pafY]");
        } else {
            for (int i = 0; i < ls.size(); i++) {
                Object o = ls.getValue(i);
                if (!(o instanceof JsonArray a) || a.size() != 4 || !a.stream().allMatch(v -> v instanceof Integer)) {
                    r.error("limbs[" + i + "]", "must be [from, to, pafX, pafY] (four whole numbers), got " + o);
                    continue;
                }
                int from = a.getInteger(0);
                int to = a.getInteger(1);
                if (from < 0 || to < 0 || from >= keypoints.size() || to >= keypoints.size()) {
                    r.error("limbs[" + i + "]", "keypoint index out of range 0.." + (keypoints.size() - 1) + ": " + a);
                    continue;
                }
                if (a.getInteger(2) < 0 || a.getInteger(3) < 0) {
                    r.error("limbs[" + i + "]", "negative PAF channel: " + a);
                    continue;
                }
                limbs.add(new Limb(from, to, a.getInteger(2), a.getInteger(3)));
            }
        }
        int background = r.has("background") ? r.integer("background", -1, 0, 1024) : -1;
        return new Topology(r.string("name", name == null ? "topology" : name), keypoints, limbs, background);
    }

    private static GroupingSpec parseGrouping(FieldReader r, String family) {
        r.onlyKnown("strategy", "peakThreshold", "linkThreshold", "window", "samples", "maxPeaks", "maxPeople",
                "minKeypoints", "minPersonScore");
        String strategy = r.string("strategy", "openpose");
        if (!Groupers.STRATEGIES.contains(strategy)) {
            r.error("strategy", "unknown grouping strategy '" + strategy + "'; known: " + Groupers.STRATEGIES);
        }
        GroupingParams d = "trt_pose".equals(strategy) ? GroupingParams.trtPoseDefaults() : GroupingParams.openPoseDefaults();
        GroupingParams p = new GroupingParams(
                (float) r.number("peakThreshold", d.peakThreshold()),
                (float) r.number("linkThreshold", d.linkThreshold()),
                r.integer("window", d.window(), 1, 31),
                r.integer("samples", d.samples(), 2, 100),
                r.integer("maxPeaks", d.maxPeaks(), 1, 10_000),
                r.integer("maxPeople", d.maxPeople(), 1, 10_000));
        PublishRule rule = PublishRule.forFamily(family);
        PublishRule publish = new PublishRule(r.integer("minKeypoints", rule.minKeypoints(), 1, 1024),
                (float) Math.max(0, r.number("minPersonScore", rule.minPersonScore())));
        return new GroupingSpec(strategy, p, publish);
    }
}
