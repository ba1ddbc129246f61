package io.posegate.gateway.model;

import io.posegate.grouping.Topology;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the gateway needs to use a model: file and format, how to build its input, how to read its
 * outputs, the skeleton topology and the grouping strategy. Loaded and validated by
 * {@link ModelDescriptors}. Immutable.
 *
 * @param name      e.g. {@code human-pose-estimation-0001}
 * @param family    informational family name ({@code openpose}, {@code trt_pose}, {@code demo})
 * @param source    the descriptor file it was read from
 */
public record ModelDescriptor(String name, String family, Path source, ModelFormat format, Path modelFile,
                              InputSpec input, OutputSpec output, Topology topology, GroupingSpec grouping) {

    /** True for the demo's simulated model (descriptor family {@code demo}). */
    public boolean demo() {
        return "demo".equals(family);
    }

    /** The same descriptor with another model file (the {@code --model-file} override); the format follows the file name. */
    public ModelDescriptor withModelFile(Path file) {
        ModelFormat f = ModelFormat.fromFileName(file.getFileName().toString(), ModelFormats.known());
        return new ModelDescriptor(name, family, source, f == null ? format : f, file, input, output, topology, grouping);
    }

    /** What a backend needs to open this model. */
    public ModelSpec modelSpec() {
        List<String> names = new ArrayList<>();
        for (TensorRef ref : output.tensors().values()) {
            if (!names.contains(ref.tensor())) {
                names.add(ref.tensor());
            }
        }
        names.sort(null);
        return new ModelSpec(format, modelFile, input.name(), input.shape(), names);
    }

    public int outputHeight() {
        return input.height() / output.stride();
    }

    public int outputWidth() {
        return input.width() / output.stride();
    }
}
