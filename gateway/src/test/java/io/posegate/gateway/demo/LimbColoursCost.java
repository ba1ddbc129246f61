package io.posegate.gateway.demo;

import io.posegate.gateway.appearance.LimbColours;
import io.posegate.gateway.appearance.StraightLimbColours;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * What sampling the limb colours costs per frame: {@link LimbColours#sample} on demo frames of 8 people (the
 * demo descriptor's 456x256 float input, people at their true joints in model-input pixels), by this thread's
 * CPU time, medians of batches; against the straightforward computation it must match bit for bit
 * ({@link StraightLimbColours}: every sample against every keypoint near), batch for batch in the same run,
 * with the median of the per-pair ratios. Not a test; run with
 * {@code java -cp gateway/target/posegate.jar:gateway/target/test-classes io.posegate.gateway.demo.LimbColoursCost [people] [batches]}.
 */
public final class LimbColoursCost {
    private LimbColoursCost() {
    }

    public static void main(String[] args) {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Topology top = Topologies.coco18OpenPose();
        DemoScene scene = new DemoScene(640, 360, people, new SceneOptions(false, false, 0, 0));
        int h = DemoFixture.INPUT_H;
        int w = DemoFixture.INPUT_W;
        int frames = 16;
        Tensor[] inputs = new Tensor[frames];
        Poses[] poses = new Poses[frames];
        LimbColours[] samplers = new LimbColours[frames];
        StraightLimbColours[] straight = new StraightLimbColours[frames];
        for (int f = 0; f < frames; f++) {
            VideoFrame frame = new VideoFrame();
            scene.render(f * 9L, frame.reshape(640, 360));
            inputs[f] = Tensor.allocate("image", ElementType.FLOAT32, 1, 3, h, w);
            DemoFixture.preprocessor(h, w).preprocess(frame, inputs[f]);
            samplers[f] = new LimbColours(top, DemoFixture.preprocessor(h, w).spec(), inputs[f]);
            straight[f] = new StraightLimbColours(top, DemoFixture.preprocessor(h, w).spec(), inputs[f]);
            poses[f] = new Poses(top.keypointCount(), 20, samplers[f].parts());
            for (float[][] person : scene.people(f * 9L)) {
                int p = poses[f].add(1f);
                for (int k = 0; k < person.length; k++) {
                    if (person[k] != null) {
                        poses[f].setKeypoint(p, k, person[k][0] * w / 640f, person[k][1] * h / 360f, 0.9f);
                    }
                }
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int reps = 2000;
        double[] us = new double[batches];
        double[] straightUs = new double[batches];
        double[] ratio = new double[batches];
        long parts = 0;
        for (int b = -batches / 2; b < batches; b++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) {
                straight[i % frames].sample(poses[i % frames]);
            }
            long t1 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) {
                samplers[i % frames].sample(poses[i % frames]);
            }
            long t2 = threads.getCurrentThreadCpuTime();
            if (b >= 0) {
                straightUs[b] = (t1 - t0) / 1e3 / reps;
                us[b] = (t2 - t1) / 1e3 / reps;
                ratio[b] = us[b] / straightUs[b];
            }
        }
        for (int f = 0; f < frames; f++) {
            for (int p = 0; p < poses[f].count(); p++) {
                for (int i = 0; i < poses[f].appearanceParts(); i++) {
                    parts += poses[f].hasColour(p, i) ? 1 : 0;
                }
            }
        }
        Arrays.sort(us);
        Arrays.sort(straightUs);
        Arrays.sort(ratio);
        System.out.printf("%d people: sampling %.2f us per frame (median of %d batches; %.1f parts with a colour per frame); "
                + "straightforward computation %.2f us in the same run; ratio %.2f (median of the batch pairs)%n",
                people, us[batches / 2], batches, parts / (double) frames, straightUs[batches / 2], ratio[batches / 2]);
    }
}
