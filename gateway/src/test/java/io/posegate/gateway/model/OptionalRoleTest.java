package io.posegate.gateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.config.ConfigException;
import io.posegate.grouping.Poses;
import io.posegate.spi.ElementType;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decoder's optional role (associative embedding's {@code nms_heatmaps}: heatmaps the network already pooled)
 * can be mapped in a descriptor and reaches the decoder, whose candidates then come from that map; left out, the
 * decoder pools the heatmaps itself. Any other role is still an error.
 */
class OptionalRoleTest {
    private static final Path HPE_0005 = Path.of("..", "config", "models", "human-pose-estimation-0005.yaml");
    private static final int MAP = 144;

    @TempDir
    Path dir;

    @Test
    void nmsHeatmapsMappedInTheDescriptorAreWhereCandidatesComeFrom() throws Exception {
        ModelDescriptor plain = ModelDescriptors.load(HPE_0005);
        ModelDescriptor pooled = ModelDescriptors.load(Files.writeString(dir.resolve("ae-nms.yaml"),
                Files.readString(HPE_0005).replace("    tags: {name: embeddings}",
                        "    nms_heatmaps: {name: pooled}\n    tags: {name: embeddings}")));
        assertTrue(pooled.modelSpec().outputNames().contains("pooled"), pooled.modelSpec().outputNames().toString());

        Map<String, Tensor> outputs = Map.of("heatmaps", Tensor.allocate("heatmaps", ElementType.FLOAT32, 1, 17, MAP, MAP),
                "embeddings", Tensor.allocate("embeddings", ElementType.FLOAT32, 1, 17, MAP, MAP, 1),
                "pooled", Tensor.allocate("pooled", ElementType.FLOAT32, 1, 17, MAP, MAP));
        for (int k = 0; k < 17; k++) {
            outputs.get("heatmaps").floats().put((k * MAP + 20 + k) * MAP + 30, 0.9f);
            outputs.get("pooled").floats().put((k * MAP + 20 + k) * MAP + 100, 0.9f);
        }
        InferenceResult result = new Outputs(outputs);
        assertEquals(61f, onlyPersonX(plain, result), "no nms_heatmaps mapped: the heatmaps' own peaks (cell 30 x 2 px)");
        assertEquals(201f, onlyPersonX(pooled, result), "nms_heatmaps mapped: the pooled map's peaks (cell 100 x 2 px)");
    }

    @Test
    void aRoleTheDecoderDoesNotReadIsStillAnError() throws Exception {
        Path f = Files.writeString(dir.resolve("ae-pafs.yaml"), Files.readString(HPE_0005).replace("    tags: {name: embeddings}",
                "    pafs: {name: pafs}\n    tags: {name: embeddings}"));
        ConfigException e = assertThrows(ConfigException.class, () -> ModelDescriptors.load(f));
        assertTrue(e.getMessage().contains("tensors.pafs") && e.getMessage().contains("when given, [nms_heatmaps]"),
                e.getMessage());
    }

    /** The x of keypoint 0 of the one person decoded, in input pixels. */
    private static float onlyPersonX(ModelDescriptor d, InferenceResult result) {
        Poses poses = new Poses(17, 30);
        new ModelDecoder(d).decode(result, poses);
        assertEquals(1, poses.count());
        assertEquals(17, poses.presentCount(0));
        return poses.x(0, 0);
    }

    /** A result over tensors the test owns (the decoder only reads results). */
    private record Outputs(Map<String, Tensor> tensors) implements InferenceResult {
        @Override
        public List<String> names() {
            return List.copyOf(tensors.keySet());
        }

        @Override
        public Tensor output(String name) {
            return tensors.get(name);
        }

        @Override
        public void close() {
        }
    }
}
