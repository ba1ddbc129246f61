package io.posegate.backend.tensorrt.engine;

import static java.util.Objects.requireNonNull;

import io.posegate.spi.TensorInfo;
import java.util.List;

/**
 * The result of {@link BindingResolver#resolve}: concrete shapes for every IO tensor of the engine.
 *
 * @param input     the single input, with the concrete shape the gateway feeds
 * @param outputs   every output of the engine in engine order (all need device memory, even unread ones)
 * @param requested the output names the gateway reads, in {@link io.posegate.spi.ModelSpec} order
 */
public record ResolvedBindings(TensorInfo input, List<TensorInfo> outputs, List<String> requested) {
    public ResolvedBindings {
        requireNonNull(input, "input is null");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        requested = List.copyOf(requireNonNull(requested, "requested is null"));
    }

    /** The output named {@code name}; the resolver guarantees requested names exist. */
    public TensorInfo output(String name) {
        return outputs.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no output '" + name + "' in " + outputs));
    }
}
