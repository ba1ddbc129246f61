package io.posegate.gateway.model;

import io.posegate.grouping.Topology;
import io.posegate.grouping.tracking.PublishRule;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the gateway needs to use a model: file and format, how to build its input, how to read its
 * outputs, the skeleton topology and the decoder with its parameters. Loaded and validated by
 * {@link ModelDescriptors}. Immutable.
 *
 * @param name      e.g. {@code human-pose-estimation-0001}
 * @param family    informational family name ({@code openpose}, {@code posenet}, ...); {@code demo} marks the demo
 * @param source    the descriptor file it was read from
 * @param topology  keypoints and the skeleton to draw (PAF limbs also carry their field channels)
 * @param decoder   the decoder by name and its parameters
 * @param backendOptions per backend name, options this model needs there (the gateway's config and the
 *                  command line override them), e.g. ONNX Runtime's {@code optimization: basic} for a
 *                  quantise/dequantise graph whose fused kernels saturate
 * @param publish   what a decoded person needs to be published as a person of its own ({@code publish:})
 * @param batch     whether the model runs several frames at once ({@code batch:}, default {@code auto})
 */
public record ModelDescriptor(String name, String family, Path source, ModelFormat format, Path modelFile,
                              InputSpec input, OutputSpec output, Topology topology, DecoderSpec decoder,
                              Map<String, Map<String, String>> backendOptions, PublishRule publish, BatchMode batch) {
    public ModelDescriptor {
        backendOptions = Map.copyOf(backendOptions);
        batch = batch == null ? BatchMode.AUTO : batch;
    }

    /** A descriptor with {@code batch: auto}. */
    public ModelDescriptor(String name, String family, Path source, ModelFormat format, Path modelFile,
                           InputSpec input, OutputSpec output, Topology topology, DecoderSpec decoder,
                           Map<String, Map<String, String>> backendOptions, PublishRule publish) {
        this(name, family, source, format, modelFile, input, output, topology, decoder, backendOptions, publish, BatchMode.AUTO);
    }

    /** The options for backend {@code name}: this model's, overridden by {@code overrides}. */
    public Map<String, String> optionsFor(String name, Map<String, String> overrides) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(backendOptions.getOrDefault(name, Map.of()));
        merged.putAll(overrides);
        return merged;
    }

    /** True for the demo's simulated model (descriptor family {@code demo}). */
    public boolean demo() {
        return "demo".equals(family);
    }

    /**
     * The same descriptor with another model file (the {@code --model-file} override): the format follows
     * the file name, and the descriptor's {@code variants.<format>} section, if any, applies (re-read from
     * {@link #source()}).
     *
     * @throws io.posegate.gateway.config.ConfigException as {@link ModelDescriptors#load(Path, Path)}
     */
    public ModelDescriptor withModelFile(Path file) {
        return ModelDescriptors.load(source, file);
    }

    /** The same descriptor with another input (e.g. the TFLite file's UINT8 NHWC input). */
    public ModelDescriptor withInput(InputSpec in) {
        return new ModelDescriptor(name, family, source, format, modelFile, in, output, topology, decoder, backendOptions, publish, batch);
    }

    /** The PAF grouping settings of a {@code paf} decoder section. */
    public GroupingSpec grouping() {
        return GroupingSpec.of(decoder.params());
    }

    /**
     * What a backend needs to open this model, allowing batches of up to {@code maxBatch} frames unless the
     * descriptor says {@code batch: none}.
     */
    public ModelSpec modelSpec(int maxBatch) {
        return batch == BatchMode.NONE || maxBatch <= 1 ? modelSpec() : modelSpec().withMaxBatch(maxBatch);
    }

    /** What a backend needs to open this model, one frame per run. */
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

    /** Map rows: input height / stride, rounded up (PoseNet's (in - 1) / stride + 1 is the same). */
    public int outputHeight() {
        return (input.height() + output.stride() - 1) / output.stride();
    }

    /** Map columns: input width / stride, rounded up. */
    public int outputWidth() {
        return (input.width() + output.stride() - 1) / output.stride();
    }
}
