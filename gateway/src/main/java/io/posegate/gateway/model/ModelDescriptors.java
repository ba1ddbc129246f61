package io.posegate.gateway.model;

import io.posegate.gateway.config.BackendNames;
import io.posegate.gateway.config.ConfigException;
import io.posegate.gateway.config.FieldReader;
import io.posegate.gateway.config.Yaml;
import io.posegate.grouping.tracking.PublishRule;
import io.posegate.spi.ModelFormat;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads model descriptors (YAML, see {@code config/models/} and {@code docs/model-descriptors.md}) and
 * validates them up front: every problem is reported at once, each naming its field. Model files are
 * resolved relative to the descriptor's folder. A descriptor may hold {@code variants.<format>}
 * sections that apply when the model file is of that format (a TFLite file's UINT8 NHWC input, say).
 */
public final class ModelDescriptors {
    private ModelDescriptors() {
    }

    /**
     * Resolves {@code nameOrPath}: an existing file, or the name of a descriptor in {@code modelsDir}. For trusted
     * callers only (the config file, the command line); names from the API go through {@link ApiModelDescriptors}.
     *
     * @throws ConfigException naming the value and listing the known descriptor names
     */
    public static ModelDescriptor resolve(String nameOrPath, Path modelsDir) {
        return load(file(nameOrPath, modelsDir), null);
    }

    /**
     * The descriptor file {@code nameOrPath} names: a path (relative: against the working directory), else
     * {@code <modelsDir>/<nameOrPath>.yaml}. For trusted callers only; see {@link ApiModelDescriptors}.
     *
     * @throws ConfigException listing the known names
     */
    public static Path file(String nameOrPath, Path modelsDir) {
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) {
            return p;
        }
        Path named = modelsDir.resolve(nameOrPath + ".yaml");
        if (Files.isRegularFile(named)) {
            return named;
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
        return load(file, null);
    }

    /**
     * Reads and validates one descriptor file for model file {@code modelFile} (null: the one it names),
     * applying the {@code variants} section of that file's format.
     *
     * @throws ConfigException listing every problem, each with its field path
     */
    public static ModelDescriptor load(Path file, Path modelFile) {
        return validate(Yaml.read(file, "model descriptor"), file, modelFile);
    }

    /** Validates descriptor {@code json}, read from {@code file}. @throws ConfigException listing every problem */
    static ModelDescriptor validate(JsonObject json, Path file, Path modelFile) {
        List<String> errors = new ArrayList<>();
        ModelDescriptor d = parse(json, file.toAbsolutePath().normalize(), modelFile, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException("model descriptor " + file, errors);
        }
        return d;
    }

    static ModelDescriptor parse(JsonObject json, Path file, Path modelFileOverride, List<String> errors) {
        FieldReader root = FieldReader.root(json, errors);
        root.onlyKnown("name", "family", "description", "model", "input", "output", "topology", "decoder", "backends", "variants", "publish",
                "batch");
        String name = root.requiredString("name");
        String family = root.string("family", "unknown");
        FieldReader model = root.object("model");
        model.onlyKnown("format", "file");
        String fileName = model.requiredString("file");
        Path modelFile = modelFileOverride != null ? modelFileOverride
                : fileName == null ? null : file.getParent().resolve(fileName).normalize();
        ModelFormat format = modelFileOverride == null ? null
                : ModelFormat.fromFileName(modelFileOverride.getFileName().toString(), ModelFormats.known());
        String formatName = model.string("format", null);
        if (format != null) {
            // the override's own format wins
        } else if (formatName != null) {
            try {
                format = ModelFormat.fromId(formatName, ModelFormats.known());
            } catch (IllegalArgumentException e) {
                model.error("format", e.getMessage());
            }
        } else if (fileName != null) {
            format = ModelFormat.fromFileName(fileName, ModelFormats.known());
            if (format == null) {
                model.error("format", "is required: cannot tell the format from file name '" + fileName + "'; known: "
                        + ModelFormat.names(ModelFormats.known()));
            }
        }
        // each backends section is checked where it is written, before the applied variant is merged in
        BackendNames.options(root.object("backends"));
        FieldReader variant = variant(root.object("variants"), format);
        if (variant != null) {
            mergeInto(json, variant.raw());
        }
        InputSpec input = InputSpecs.parse(root.object("input"));
        DecoderSpecs.Parsed parsed = DecoderSpecs.parse(root.object("topology"), root.object("decoder"), name);
        OutputSpec output = OutputSpecs.parse(root.object("output"), input, parsed.topology(), parsed.decoder());
        // the merged section, read without reporting again what was reported above at the path it was written at
        Map<String, Map<String, String>> backendOptions = BackendNames.options(FieldReader.root(json, new ArrayList<>()).object("backends"));
        return new ModelDescriptor(name, family, file, format, modelFile, input, output, parsed.topology(), parsed.decoder(),
                backendOptions, parsePublish(root.object("publish"), family), root.enumValue("batch", BatchMode.class, BatchMode.AUTO));
    }

    /**
     * Checks every {@code variants.<format>} section (a known format; known fields; known backends, reported as
     * {@code variants.<format>.backends.<name>}, the applied variant's too) and returns the one of {@code format}, or null.
     */
    private static FieldReader variant(FieldReader variants, ModelFormat format) {
        FieldReader applied = null;
        for (String id : variants.raw().fieldNames()) {
            if (ModelFormats.known().stream().noneMatch(f -> f.id().equals(id))) {
                variants.error(id, "unknown model format; known: " + ModelFormat.names(ModelFormats.known()));
                continue;
            }
            FieldReader v = variants.object(id);
            v.onlyKnown("model", "input", "output", "backends");
            BackendNames.options(v.object("backends"));
            if (format != null && format.id().equals(id)) {
                applied = v;
            }
        }
        return applied;
    }

    /**
     * {@code publish: {minKeypoints, minPersonScore}}: what a grouped person needs to be published as a person
     * of its own; defaults per family ({@link PublishRule#forFamily}). Applied after decoding, in the tracker.
     */
    private static PublishRule parsePublish(FieldReader r, String family) {
        r.onlyKnown("minKeypoints", "minPersonScore");
        PublishRule d = PublishRule.forFamily(family);
        return new PublishRule(r.integer("minKeypoints", d.minKeypoints(), 1, 1024),
                (float) Math.max(0, r.number("minPersonScore", d.minPersonScore())));
    }

    /** Deep merge of a variant section into the descriptor (objects merged, other values replaced). */
    private static void mergeInto(JsonObject json, JsonObject variant) {
        for (String key : variant.fieldNames()) {
            Object v = variant.getValue(key);
            Object base = json.getValue(key);
            if (v instanceof JsonObject vo && base instanceof JsonObject bo) {
                JsonObject copy = bo.copy();
                mergeInto(copy, vo);
                json.put(key, copy);
            } else {
                json.put(key, v);
            }
        }
    }
}
