package io.posegate.gateway.cli;

import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Picocli mixin: the options that say where a command's model comes from, {@code --models-dir} and
 * {@code --model-file}, and the descriptor they give for a {@code --model} name or path.
 */
final class ModelOptions {
    @Mixin
    ModelsDirOption dir;

    @Option(names = "--model-file", description = "Overrides the model file named in the descriptor.")
    Path modelFile;

    /**
     * The descriptor {@code model} names (a path, or a name in {@code --models-dir}), with {@code --model-file}
     * (as given) in place of the file it names.
     *
     * @throws io.posegate.gateway.config.ConfigException listing the known names when there is no such descriptor
     */
    ModelDescriptor descriptor(String model) {
        ModelDescriptor d = ModelDescriptors.resolve(model, modelsDir());
        return modelFile == null ? d : d.withModelFile(modelFile);
    }

    Path modelsDir() {
        return dir.modelsDir;
    }
}
