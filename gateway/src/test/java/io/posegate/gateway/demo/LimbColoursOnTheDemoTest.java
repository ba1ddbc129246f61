package io.posegate.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.appearance.LimbColours;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import org.junit.jupiter.api.Test;

/**
 * In the demo the joint markers' colours tell the simulated network which person a joint is: the appearance
 * sampler must never read them. Repainting every marker in other colours leaves every descriptor unchanged.
 */
class LimbColoursOnTheDemoTest {
    private static final Topology TOP = Topologies.coco18OpenPose();

    @Test
    void markerColoursNeverReachTheDescriptor() {
        DemoScene scene = new DemoScene(640, 360, 8, new SceneOptions(true, false, 0, 0));
        int h = DemoFixture.INPUT_H;
        int w = DemoFixture.INPUT_W;
        Tensor tensor = Tensor.allocate("image", ElementType.FLOAT32, 1, 3, h, w);
        LimbColours sampler = new LimbColours(TOP, DemoFixture.preprocessor(h, w).spec(), tensor);
        VideoFrame frame = new VideoFrame();
        int sampled = 0;
        int possible = 0;
        for (long n = 0; n < 300; n += 7) {
            float[][][] people = scene.people(n);
            byte[] bgr = frame.reshape(scene.width(), scene.height());
            scene.render(n, bgr);
            Poses plain = sample(frame, tensor, sampler, people, h, w);
            Canvas canvas = new Canvas(bgr, scene.width(), scene.height());
            for (float[][] person : people) {
                for (float[] j : person) {
                    if (j != null) {
                        canvas.fill(Shape.disc(j[0], j[1], scene.markerRadius()), 255, 255 - (int) j[0] % 200, 3);
                    }
                }
            }
            Poses recoloured = sample(frame, tensor, sampler, people, h, w);
            for (int p = 0; p < plain.count(); p++) {
                for (int i = 0; i < plain.appearanceParts(); i++) {
                    possible++;
                    assertEquals(plain.hasColour(p, i), recoloured.hasColour(p, i), "frame " + n + " person " + p + " part " + i);
                    if (plain.hasColour(p, i)) {
                        sampled++;
                        for (int c = 0; c < Poses.COLOUR_CHANNELS; c++) {
                            assertEquals(plain.colour(p, i, c), recoloured.colour(p, i, c),
                                    "frame " + n + " person " + p + " part " + i + " channel " + c);
                        }
                    }
                }
            }
        }
        assertTrue(sampled > possible / 4, sampled + " of " + possible + " parts sampled: the check is not empty");
    }

    /** Pre-processes the frame as the demo descriptor does and samples the scene's people at their true joints. */
    private static Poses sample(VideoFrame frame, Tensor tensor, LimbColours sampler, float[][][] people, int h, int w) {
        DemoFixture.preprocessor(h, w).preprocess(frame, tensor);
        float sx = w / (float) frame.width();
        float sy = h / (float) frame.height();
        Poses poses = new Poses(TOP.keypointCount(), 16, sampler.parts());
        for (float[][] person : people) {
            int p = poses.add(1f);
            for (int k = 0; k < person.length; k++) {
                if (person[k] != null) {
                    poses.setKeypoint(p, k, person[k][0] * sx, person[k][1] * sy, 0.9f);
                }
            }
        }
        sampler.sample(poses);
        return poses;
    }
}
