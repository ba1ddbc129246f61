package io.posegate.gateway.pipeline;

import io.posegate.gateway.model.ModelDescriptor;
import java.nio.file.Path;

/**
 * Which runtime of a stream's own model: the model's name, the whole normalised path of its file (two
 * folders may hold files of the same name with different weights) and the backend name asked for.
 *
 * @param model   the descriptor's name
 * @param file    the model file's absolute normalised path, or null when the descriptor names none
 * @param backend the backend name asked for ({@code auto} included)
 */
record ModelRuntimeKey(String model, Path file, String backend) {
    static ModelRuntimeKey of(ModelDescriptor d, String backend) {
        Path file = d.modelFile() == null ? null : d.modelFile().toAbsolutePath().normalize();
        return new ModelRuntimeKey(d.name(), file, backend);
    }

    /** {@code model:fileName@backend}, as status shows it: the file's name only, never its folders. */
    String shown() {
        return model + (file == null ? "" : ":" + file.getFileName()) + "@" + backend;
    }
}
