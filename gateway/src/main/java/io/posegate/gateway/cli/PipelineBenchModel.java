package io.posegate.gateway.cli;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.config.BackendNames;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The model side of {@code posegate bench pipeline}, from the command's options: the model file (the
 * descriptor's, {@code --model-file}, or the shared folder's), its dynamic-batch variant, the backend
 * options both the raw loop and the gateway get, and the gateway configuration that runs them.
 */
final class PipelineBenchModel {
    private final PipelineBenchCommand cmd;

    PipelineBenchModel(PipelineBenchCommand cmd) {
        this.cmd = cmd;
    }

    /** Without --model-file, the shared folder's dynamic-batch variant of the model (NAME-batch.onnx) when there is one. */
    ModelDescriptor batchModel(ModelDescriptor d) {
        String shared = System.getenv("POSEGATE_SHARED");
        if (cmd.modelFile != null || shared == null) {
            return d;
        }
        Path p = Path.of(shared, "models", d.name(), d.name() + "-batch.onnx");
        return Files.isRegularFile(p) ? d.withModelFile(p.toAbsolutePath()) : d;
    }

    /**
     * The gateway configuration for the model, without streams. The options go under {@code backends.<backend>};
     * with {@code --backend auto}, under every backend, as the raw loop probes and opens each with them.
     */
    JsonObject config(ModelDescriptor d) {
        JsonObject backends = new JsonObject();
        JsonObject o = new JsonObject();
        options().forEach(o::put);
        for (String b : cmd.backend.equals(BackendRegistry.AUTO) ? BackendNames.known() : List.of(cmd.backend)) {
            backends.put(b, o.copy());
        }
        return new JsonObject().put("http", new JsonObject().put("port", 0)).put("model", cmd.model)
                .put("modelFile", d.modelFile().toAbsolutePath().toString()).put("modelsDir", cmd.models.modelsDir.toAbsolutePath().toString())
                .put("backend", cmd.backend).put("backends", backends).put("inference", new JsonObject().put("workers", cmd.workers))
                .put("tracking", new JsonObject().put("enabled", true));
    }

    /** The --backend-option values, and for onnx intraOpThreads=2 unless given. */
    Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>(cmd.backendOptions);
        if (cmd.backend.equals("onnx")) {
            o.putIfAbsent("intraOpThreads", "2");
        }
        return o;
    }

    /** The --model descriptor with a model file that exists; a parameter error when there is none. */
    ModelDescriptor descriptor() {
        return withModelFile(ModelDescriptors.resolve(cmd.model, cmd.models.modelsDir), cmd.modelFile, cmd.spec);
    }

    /**
     * {@code d} with a model file that exists: {@code modelFile} if given, else the descriptor's own, else
     * $POSEGATE_SHARED/models/NAME/NAME.onnx; a parameter error of {@code spec}'s command when there is none.
     */
    static ModelDescriptor withModelFile(ModelDescriptor d, Path modelFile, CommandSpec spec) {
        if (modelFile != null) {
            if (!Files.isRegularFile(modelFile)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--model-file " + modelFile + ": no such file");
            }
            return d.withModelFile(modelFile.toAbsolutePath());
        }
        if (d.modelFile() != null && Files.isRegularFile(d.modelFile())) {
            return d;
        }
        String shared = System.getenv("POSEGATE_SHARED");
        if (shared != null) {
            Path p = Path.of(shared, "models", d.name(), d.name() + ".onnx");
            if (Files.isRegularFile(p)) {
                return d.withModelFile(p.toAbsolutePath());
            }
        }
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "model file " + d.modelFile()
                + " not found; pass --model-file PATH or set POSEGATE_SHARED");
    }
}
