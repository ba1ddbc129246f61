package io.posegate.gateway.model;

import io.posegate.gateway.config.ConfigException;
import io.posegate.gateway.config.Yaml;
import io.posegate.gateway.security.RealPaths;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Model descriptors and model files named by untrusted callers (the HTTP API, fleet desired configs). A name
 * means {@code <modelsDir>/<name>.yaml} and nothing else (never a path against the working directory), and that
 * file must lie inside the models folder once symlinks are resolved. A missing, unreadable or outside file gets
 * one answer, and a file that is no valid YAML another one that quotes nothing of it (the details go to the
 * local log), so the caller can neither read files nor probe for them.
 */
public final class ApiModelDescriptors {
    /** What a descriptor name from the API may look like: no path separator, no leading dot. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Logger LOG = Logger.getLogger(ApiModelDescriptors.class.getName());

    private ApiModelDescriptors() {
    }

    /**
     * Descriptor {@code name} in {@code modelsDir}: {@code <modelsDir>/<name>.yaml}, as the config file names it. Its
     * real path (symlinks resolved) is used only to check that it lies inside the models folder; the path returned
     * is the named one, so a relative {@code model.file} resolves against {@code modelsDir} as for the config file,
     * not against the folder a symlinked descriptor really lives in.
     *
     * @throws ConfigException (one problem, {@link #notAvailable}) when the name is malformed, or the file is
     *                         missing, unreadable or outside the models folder
     */
    public static Path file(String name, Path modelsDir) {
        if (name != null && NAME.matcher(name).matches()) {
            Path named = modelsDir.resolve(name + ".yaml");
            Optional<Path> real = inside(named, List.of(modelsDir));
            if (real.isPresent() && Files.isRegularFile(real.get()) && Files.isReadable(real.get())) {
                return named;
            }
        }
        throw new ConfigException("model '" + name + "'", List.of(notAvailable(name, modelsDir)));
    }

    /**
     * Loads descriptor {@code name} from {@code modelsDir} for model file {@code modelFile} (null: the one it names).
     *
     * @throws ConfigException as {@link #file}; for a file that is no valid YAML a problem naming only the
     *                         descriptor; for a descriptor with bad fields, each field's problem
     */
    public static ModelDescriptor load(String name, Path modelsDir, Path modelFile) {
        Path file = file(name, modelsDir);
        JsonObject json;
        try {
            json = Yaml.read(file, "model descriptor");
        } catch (ConfigException e) {
            LOG.warning(e.getMessage());
            throw new ConfigException("model '" + name + "'", List.of("descriptor '" + name
                    + "' in the models folder cannot be read as YAML (the gateway log has the details)"));
        }
        return ModelDescriptors.validate(json, file, modelFile);
    }

    /**
     * The real path of {@code requested} (relative: against the working directory) when it is an existing file
     * inside one of {@code folders} once symlinks are resolved; empty otherwise, whatever the reason.
     */
    public static Optional<Path> modelFile(Path requested, List<Path> folders) {
        Optional<Path> real = inside(requested, folders);
        return real.filter(Files::isRegularFile);
    }

    /** The one answer for a descriptor name the API may not use, whatever the reason. */
    public static String notAvailable(String name, Path modelsDir) {
        return "no descriptor named '" + name + "' in the models folder " + modelsDir + "; known: "
                + ModelDescriptors.known(modelsDir);
    }

    private static Optional<Path> inside(Path requested, List<Path> folders) {
        // a missing folder holds nothing
        List<Path> roots = folders.stream().map(RealPaths::of).flatMap(Optional::stream).toList();
        return RealPaths.inside(requested, roots);
    }
}
