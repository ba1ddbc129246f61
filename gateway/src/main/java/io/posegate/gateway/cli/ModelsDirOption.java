package io.posegate.gateway.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Picocli mixin: {@code --models-dir}, where named model descriptors live; shared by every command that names a model. */
final class ModelsDirOption {
    @Option(names = "--models-dir", defaultValue = "config/models", description = "Where named descriptors live (default: ${DEFAULT-VALUE}).")
    Path modelsDir;
}
