package io.posegate.gateway.pipeline;

import io.posegate.gateway.config.ConfigException;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
     * folder, and a model file must lie inside the models or media folder.
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
        String key = model + "|" + (file == null ? "" : file.toAbsolutePath().normalize());
        ModelDescriptor d = descriptors.get(key);
        if (d == null) {
            try {
                d = ModelDescriptors.load(ModelDescriptors.file(model, config.modelsDir()), file);
            } catch (ConfigException e) {
                throw new ConfigException("stream " + s.id() + " model '" + model + "'", e.problems());
            }
            descriptors.put(key, d);
        }
        return d;
    }

    /**
     * Checks stream {@code s}'s own model against the rules for {@code origin}, loading nothing: from the API
     * a model must be a descriptor name in the models folder and a model file must lie inside the models or
     * media folder; the config file may name any.
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
        if (s.model() != null && !s.model().matches("[A-Za-z0-9_.-]{1,128}")) {
            problems.add("streams." + s.id() + ".model: from the API a model is a descriptor name in " + config.modelsDir()
                    + "; known: " + ModelDescriptors.known(config.modelsDir()));
        }
        if (s.modelFile() != null) {
            Path f = s.modelFile().toAbsolutePath().normalize();
            if (!f.startsWith(config.modelsDir().toAbsolutePath().normalize())
                    && !f.startsWith(config.mediaDir().toAbsolutePath().normalize())) {
                problems.add("streams." + s.id() + ".modelFile: from the API a model file must lie inside "
                        + config.modelsDir() + " or " + config.mediaDir());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("stream " + s.id(), problems);
        }
    }
}
