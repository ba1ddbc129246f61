package io.posegate.gateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.ingest.BgrConverter;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputTransform;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.gateway.model.ModelDecoder;
import io.posegate.gateway.model.Preprocessor;
import io.posegate.grouping.Poses;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.ElementType;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The same input tensor through every available backend that loads the model: grouping is shared, so
 * the skeletons must agree; any difference comes from the runtime. Reports the largest heatmap and PAF
 * difference of every pair. Runs on human-pose-estimation-0001 (ONNX) and messi5.jpg from POSEGATE_SHARED.
 */
class BackendConformanceTest {
    private static final float MAX_KEYPOINT_SHIFT_PX = 2f;

    record Outcome(String backend, float[] heatmaps, float[] pafs, Poses poses) {
    }

    @Test
    void everyAvailableBackendGivesTheSameSkeletons() throws Exception {
        String shared = System.getenv("POSEGATE_SHARED");
        assumeTrue(shared != null, "POSEGATE_SHARED is not set: skipping backend conformance on the real model");
        Path root = Path.of(shared);
        ModelDescriptor d = ModelDescriptors.resolve("human-pose-estimation-0001", Path.of("..", "config", "models"))
                .withModelFile(root.resolve("models/human-pose-estimation-0001/human-pose-estimation-0001.onnx"));
        VideoFrame frame = new VideoFrame();
        new BgrConverter(new TargetSize(0, 0)).convert(ImageIO.read(root.resolve("media/messi5.jpg").toFile()), frame);
        Tensor input = Tensor.allocate(d.input().name(), ElementType.FLOAT32, d.input().shape());
        InputTransform t = new Preprocessor(d.input()).preprocess(frame, input);

        BackendRegistry registry = BackendRegistry.discover();
        List<Outcome> outcomes = new ArrayList<>();
        for (BackendProvider p : registry.providers()) {
            if (!registry.probe(p.name()).canLoad(d.format())) {
                System.out.println("conformance: skipping " + p.name() + ": " + registry.probe(p.name()).reason());
                continue;
            }
            try (ModelRuntime rt = ModelRuntime.open(d, p, BackendOptions.empty())) {
                Poses poses = new Poses(d.topology().keypointCount(), 100);
                float[] hm;
                float[] paf;
                try (RuntimeLease lease = rt.lease(); InferenceResult r = lease.run(input)) {
                    hm = copy(r.output("Mconv7_stage2_L2"));
                    paf = copy(r.output("Mconv7_stage2_L1"));
                    new ModelDecoder(d).decode(r, poses);
                }
                poses.transform(1f / t.scaleX(), -t.padX() / t.scaleX(), 1f / t.scaleY(), -t.padY() / t.scaleY());
                outcomes.add(new Outcome(rt.label(), hm, paf, poses));
            }
        }
        assumeTrue(outcomes.size() >= 2, "fewer than two backends load ONNX here: " + outcomes.size());
        Map<String, String> report = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            for (int j = i + 1; j < outcomes.size(); j++) {
                Outcome a = outcomes.get(i);
                Outcome b = outcomes.get(j);
                float hmDiff = maxDiff(a.heatmaps(), b.heatmaps());
                float pafDiff = maxDiff(a.pafs(), b.pafs());
                report.put(a.backend() + " vs " + b.backend(), "heatmaps max |diff| " + hmDiff + ", pafs " + pafDiff);
                assertSameSkeletons(a, b);
            }
        }
        System.out.println("conformance on messi5.jpg: " + report);
        assertTrue(outcomes.get(0).poses().count() >= 1, "no person found at all");
    }

    private static void assertSameSkeletons(Outcome a, Outcome b) {
        Poses pa = a.poses();
        Poses pb = b.poses();
        String pair = a.backend() + " vs " + b.backend();
        assertEquals(pa.count(), pb.count(), pair + ": different numbers of people");
        boolean[] used = new boolean[pb.count()];
        for (int p = 0; p < pa.count(); p++) {
            int best = -1;
            float bestShift = Float.MAX_VALUE;
            for (int q = 0; q < pb.count(); q++) {
                float shift = maxShift(pa, p, pb, q);
                if (!used[q] && shift < bestShift) {
                    best = q;
                    bestShift = shift;
                }
            }
            assertTrue(best >= 0 && bestShift <= MAX_KEYPOINT_SHIFT_PX,
                    pair + ": person " + p + " has no counterpart within " + MAX_KEYPOINT_SHIFT_PX + " px (best " + bestShift + ")");
            used[best] = true;
        }
    }

    /** Largest keypoint displacement between two people; infinite if they do not have the same keypoints. */
    private static float maxShift(Poses pa, int p, Poses pb, int q) {
        float max = 0;
        for (int k = 0; k < pa.keypointCount(); k++) {
            if (pa.present(p, k) != pb.present(q, k)) {
                return Float.MAX_VALUE;
            }
            if (pa.present(p, k)) {
                max = Math.max(max, Math.max(Math.abs(pa.x(p, k) - pb.x(q, k)), Math.abs(pa.y(p, k) - pb.y(q, k))));
            }
        }
        return max;
    }

    private static float[] copy(Tensor t) {
        FloatBuffer fb = t.floats();
        float[] out = new float[fb.remaining()];
        fb.get(out);
        return out;
    }

    private static float maxDiff(float[] a, float[] b) {
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
