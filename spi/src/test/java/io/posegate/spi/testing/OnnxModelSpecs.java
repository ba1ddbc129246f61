package io.posegate.spi.testing;

import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import java.nio.file.Path;
import java.util.List;

/** Builds the {@link ModelSpec} of an {@link OnnxTestModel} file for a given input size. */
public final class OnnxModelSpecs {
    public ModelSpec spec(Path file, int height, int width) {
        return new ModelSpec(ModelFormat.ONNX, file, "input", new long[] {1, 3, height, width}, List.of("heatmaps", "pafs"));
    }
}
