package io.posegate.gateway.demo;

import static io.posegate.gateway.demo.DemoFixture.INPUT_H;
import static io.posegate.gateway.demo.DemoFixture.INPUT_W;
import static io.posegate.gateway.demo.DemoFixture.STRIDE;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.grouping.Grouper;
import io.posegate.grouping.paf.Groupers;
import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.tracking.KeypointSigmas;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.InferenceResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Demo scene, gateway pre-processing, simulated network and the real groupers together, against the
 * scene's ground truth (people with at least 6 visible joints, every 11th frame of 600): mean COCO OKS
 * &ge; 0.95, and at least 85 % of the people at OKS &ge; 0.9. The misses are people overlapping
 * closely, where bottom-up grouping can mix up limbs.
 */
class GroupedDemoAccuracyTest {
    private static final float[] SIGMAS = KeypointSigmas.forNames(Coco18.NAMES);

    @ParameterizedTest
    @ValueSource(strings = {"trt_pose", "openpose"})
    void everyPersonIsFoundWithOksAboveNinetyPercent(String strategy) {
        DemoScene scene = new DemoScene(640, 360, 4);
        GroupingParams params = strategy.equals("trt_pose") ? new GroupingParams(0.1f, 0.1f, 5, 7, 100, 100)
                : GroupingParams.openPoseDefaults();
        Grouper grouper = Groupers.create(strategy, Topologies.coco18OpenPose(), params);
        Poses poses = new Poses(18, 100);
        double worst = 1;
        double sum = 0;
        int people = 0;
        int good = 0;
        try (BackendSession session = new SimulatedBackendProvider().open(DemoFixture.spec(INPUT_H, INPUT_W), BackendOptions.empty())) {
            for (long n = 0; n < 600; n += 11) {
                try (InferenceResult r = session.run(DemoFixture.input(scene, n, INPUT_H, INPUT_W))) {
                    grouper.group(SimulatedBackendTest.map(r.output("heatmaps"), 19), SimulatedBackendTest.map(r.output("pafs"), 38), poses);
                }
                poses.transform(STRIDE * 640f / INPUT_W, 0, STRIDE * 360f / INPUT_H, 0);
                for (float[][] truth : scene.people(n)) {
                    if (visible(truth) < 6) {
                        continue;
                    }
                    double best = 0;
                    for (int p = 0; p < poses.count(); p++) {
                        best = Math.max(best, oks(truth, poses, p));
                    }
                    worst = Math.min(worst, best);
                    sum += best;
                    people++;
                    good += best >= 0.9 ? 1 : 0;
                }
            }
        }
        String summary = String.format("%s: %d people, mean OKS %.4f, %d with OKS >= 0.9, worst %.4f", strategy, people,
                sum / people, good, worst);
        System.out.println(summary);
        assertTrue(people > 150, "only " + people + " people checked");
        assertTrue(sum / people >= 0.95, summary);
        assertTrue(good >= 0.85 * people, summary);
    }

    private static int visible(float[][] person) {
        int n = 0;
        for (float[] j : person) {
            n += j == null ? 0 : 1;
        }
        return n;
    }

    /** COCO OKS over the truth's visible joints; the area is that of their bounding box. */
    static double oks(float[][] truth, Poses poses, int p) {
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (float[] j : truth) {
            if (j != null) {
                minX = Math.min(minX, j[0]);
                maxX = Math.max(maxX, j[0]);
                minY = Math.min(minY, j[1]);
                maxY = Math.max(maxY, j[1]);
            }
        }
        double area = Math.max(1, (maxX - minX) * (maxY - minY));
        double sum = 0;
        int n = 0;
        for (int k = 0; k < truth.length; k++) {
            if (truth[k] == null) {
                continue;
            }
            n++;
            if (poses.present(p, k)) {
                double dx = poses.x(p, k) - truth[k][0];
                double dy = poses.y(p, k) - truth[k][1];
                double kappa = 2 * SIGMAS[k];
                sum += Math.exp(-(dx * dx + dy * dy) / (2 * area * kappa * kappa));
            }
        }
        return sum / n;
    }
}
