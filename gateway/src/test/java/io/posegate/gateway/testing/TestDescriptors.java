package io.posegate.gateway.testing;

import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.gateway.ui.UiGateway;
import io.posegate.spi.testing.OnnxTestModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the generated ONNX test model ({@link OnnxTestModel}, stride 4) and a descriptor for it into a
 * folder, so tests can run the real pipeline on real runtimes without downloads. The heatmap output
 * name and the stride can be made wrong on purpose.
 */
public final class TestDescriptors {
    private TestDescriptors() {
    }

    public static Path write(Path dir, String heatmapName, int stride) throws IOException {
        new OnnxTestModel(4).write(dir.resolve("test.onnx"));
        StringBuilder skeleton = new StringBuilder();
        StringBuilder fields = new StringBuilder();
        for (int k = 0; k < 19; k++) {
            skeleton.append("    - [").append(k % 18).append(", ").append((k + 1) % 18).append("]\n");
            fields.append("    - [").append(2 * k).append(", ").append(2 * k + 1).append("]\n");
        }
        StringBuilder kps = new StringBuilder();
        for (int k = 0; k < 18; k++) {
            kps.append(k == 0 ? "" : ", ").append("k").append(k);
        }
        return Files.writeString(dir.resolve("test.yaml"), "name: test\nmodel: {format: onnx, file: test.onnx}\n"
                + "input: {name: input, height: 32, width: 48, colorOrder: rgb, normalization: inside-graph}\n"
                + "output:\n  stride: " + stride + "\n  tensors:\n"
                + "    heatmaps: {name: " + heatmapName + ", channels: [0, 19]}\n    pafs: {name: pafs, channels: [0, 38]}\n"
                + "topology:\n  keypoints: [" + kps + "]\n  skeleton:\n" + skeleton
                + "decoder:\n  name: paf\n  strategy: openpose\n  background: 18\n  fields:\n" + fields);
    }

    /**
     * The demo's simulated descriptor ({@code config/models/demo-simulated.yaml} and its network file) copied into
     * {@code dir}, with {@code extra} YAML appended (e.g. a {@code backends:} section), loaded.
     */
    public static ModelDescriptor demoCopy(Path dir, String extra) throws IOException {
        Path models = UiGateway.CONFIG_DIR.resolve("models");
        Files.copy(models.resolve("demo.sim.properties"), dir.resolve("demo.sim.properties"));
        Path yaml = Files.writeString(dir.resolve("demo-simulated.yaml"), Files.readString(models.resolve("demo-simulated.yaml")) + extra);
        return ModelDescriptors.load(yaml);
    }
}
