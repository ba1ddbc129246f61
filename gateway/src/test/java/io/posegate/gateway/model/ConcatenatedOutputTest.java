package io.posegate.gateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Poses;
import io.posegate.grouping.synth.TargetRenderer;
import io.posegate.spi.ElementType;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OpenPose-family model with ONE concatenated output (19 heatmap channels, then 38 PAF channels) whose
 * values need scaling: the descriptor says so with channel ranges and a scale, and the decoder finds
 * the person rendered into it.
 */
class ConcatenatedOutputTest {
    @TempDir
    Path dir;

    @Test
    void channelRangesAndScaleReadOneConcatenatedTensor() throws Exception {
        String original = Files.readString(Path.of("..", "config", "models", "human-pose-estimation-0001.yaml"));
        String concatenated = original
                .replace("heatmaps: {name: Mconv7_stage2_L2, channels: [0, 19]}", "heatmaps: {name: out, channels: [0, 19], scale: 0.5}")
                .replace("pafs: {name: Mconv7_stage2_L1, channels: [0, 38]}", "pafs: {name: out, channels: [19, 57], scale: 0.5}");
        ModelDescriptor d = ModelDescriptors.load(Files.writeString(dir.resolve("concat.yaml"), concatenated));
        assertEquals(List.of("out"), d.modelSpec().outputNames());

        int h = d.outputHeight();
        int w = d.outputWidth();
        Tensor out = Tensor.allocate("out", ElementType.FLOAT32, 1, 57, h, w);
        float[][][] people = {{{28.5f, 6.5f}, {28.5f, 9.5f}, {25.5f, 9.5f}, {24.5f, 14.5f}, {23.5f, 18.5f}, {31.5f, 9.5f},
            {32.5f, 14.5f}, {33.5f, 18.5f}, {26.5f, 19.5f}, {26.5f, 25.5f}, {26.5f, 30.5f}, {30.5f, 19.5f},
            {30.5f, 25.5f}, {30.5f, 30.5f}, {27.5f, 5.5f}, {29.5f, 5.5f}, {26.5f, 6.5f}, {30.5f, 6.5f}}};
        FloatBuffer all = out.floats();
        FeatureMap hm = new FeatureMap(all.slice(0, 19 * h * w), 19, h, w);
        FeatureMap paf = new FeatureMap(all.slice(19 * h * w, 38 * h * w), 38, h, w);
        new TargetRenderer(d.topology(), 1f, 1f).render(people, hm, paf);
        for (int i = 0; i < 57 * h * w; i++) {
            all.put(i, all.get(i) * 2f); // the "model" outputs twice the true values; scale 0.5 undoes it
        }
        Poses poses = new Poses(18, 10);
        new ModelDecoder(d).decode(new OneTensor(out), poses);
        assertEquals(1, poses.count());
        for (int k = 0; k < 18; k++) {
            assertTrue(poses.present(0, k), "keypoint " + k + " missing");
            // the decoder answers in network-input pixels: map cells times the stride, 8
            assertEquals(people[0][k][0] * 8, poses.x(0, k), 0.51f * 8, "x of keypoint " + k);
            assertEquals(people[0][k][1] * 8, poses.y(0, k), 0.51f * 8, "y of keypoint " + k);
            assertTrue(poses.score(0, k) <= 1.01f, "scale not applied: score " + poses.score(0, k));
        }
    }

    /** A result over one tensor the test owns (the decoder only reads results). */
    private record OneTensor(Tensor t) implements InferenceResult {
        @Override
        public List<String> names() {
            return List.of(t.name());
        }

        @Override
        public Tensor output(String name) {
            return t;
        }

        @Override
        public void close() {
        }
    }
}
