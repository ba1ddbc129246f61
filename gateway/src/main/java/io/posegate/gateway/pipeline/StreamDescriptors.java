package io.posegate.gateway.pipeline;

import io.posegate.gateway.config.ConfigException;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.model.ApiModelDescriptors;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The descriptors of the models streams name for themselves ({@code model:} / {@code modelFile:}), loaded
 * once per (model, file); a stream without its own model, or naming the gateway's, runs the gateway's. Part of
 * {@link StreamModels}: loads happen under the gateway's lock; the map is concurrent.
 */
final class StreamDescriptors {
    private final GatewayConfig config;
    private final ModelDescriptor defaultModel;
    private final Map<String, ModelDescriptor> descriptors = new ConcurrentHashMap<>();

    StreamDescriptors(GatewayConfig config, ModelDescriptor defaultModel) {
        this.config = config;
        this.defaultModel = defaultModel;
    }

    /**
     * The descriptor stream {@code s} runs. From the API a model must be a descriptor name in the models
     * folder and is read only from there ({@link ApiModelDescriptors}), and a model file must lie inside the
     * models or media folder; a model named in the config file may be a path.
     *
     * @throws ConfigException naming the stream's field and what was wrong
     */
    ModelDescriptor resolve(GatewayConfig.StreamConfig s, SourceSpec.Origin origin) {
        if (!s.ownModel()) {
            return defaultModel;
        }
        String model = s.model() == null ? config.model() : s.model();
        Path file = s.modelFile() != null ? s.modelFile() : s.model() == null ? config.modelFile() : null;
        check(s, origin);
        if (model.equals(config.model()) && java.util.Objects.equals(file, config.modelFile())) {
            return defaultModel;
        }
        boolean untrusted = origin == SourceSpec.Origin.API;
        if (untrusted && s.modelFile() != null) {
            file = apiModelFile(s).orElseThrow(() -> new ConfigException("stream " + s.id(),
                    List.of("streams." + s.id() + ".modelFile: no longer an available file")));
        }
        try {
            boolean apiNamed = untrusted && s.model() != null;
            Path descriptorFile = apiNamed ? ApiModelDescriptors.file(model, config.modelsDir())
                    : ModelDescriptors.file(model, config.modelsDir());
            String key = descriptorFile.toAbsolutePath().normalize() + "|" + (file == null ? "" : file.toAbsolutePath().normalize());
            ModelDescriptor d = descriptors.get(key);
            if (d == null) {
                d = apiNamed ? ApiModelDescriptors.load(model, config.modelsDir(), file) : ModelDescriptors.load(descriptorFile, file);
                descriptors.put(key, d);
            }
            return d;
        } catch (ConfigException e) {
            throw new ConfigException("stream " + s.id() + " model '" + model + "'", e.problems());
        }
    }

    /**
     * Checks stream {@code s}'s own model against the rules for {@code origin}: from the API a model must be a
     * descriptor name in the models folder ({@link ApiModelDescriptors#NAME}) and a model file must be an existing
     * file inside the models or media folder once symlinks are resolved; the config file may name any. Loads nothing.
     *
     * @throws ConfigException naming the stream's field and what was wrong
     */
    void check(GatewayConfig.StreamConfig s, SourceSpec.Origin origin) {
        if (s.ownModel() && origin == SourceSpec.Origin.API) {
            checkFromApi(s);
        }
    }

    private void checkFromApi(GatewayConfig.StreamConfig s) {
        List<String> problems = new ArrayList<>();
        if (s.model() != null && !ApiModelDescriptors.NAME.matcher(s.model()).matches()) {
            problems.add("streams." + s.id() + ".model: from the API a model is a descriptor name in " + config.modelsDir()
                    + "; known: " + ModelDescriptors.known(config.modelsDir()));
        }
        if (s.modelFile() != null && apiModelFile(s).isEmpty()) {
            problems.add("streams." + s.id() + ".modelFile: from the API a model file must lie inside "
                    + config.modelsDir() + " or " + config.mediaDir() + " once symlinks are resolved, and exist");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("stream " + s.id(), problems);
        }
    }

    /** The real path of {@code s}'s model file when the API may use it; missing and outside look the same. */
    private Optional<Path> apiModelFile(GatewayConfig.StreamConfig s) {
        return ApiModelDescriptors.modelFile(s.modelFile(), List.of(config.modelsDir(), config.mediaDir()));
    }
}
