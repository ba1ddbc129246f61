package io.posegate.gateway.appearance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.model.InputSpec;
import io.posegate.gateway.model.TensorLayout;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link LimbColours} (candidates per limb, {@link Clearance}) gives bit for bit the descriptors of the
 * straightforward computation ({@link StraightLimbColours}) on thousands of random scenes: people anywhere,
 * overlapping, on a half-pixel grid (ties on the clearance radius and box edges), far from the origin (coarse
 * float steps), tiny and degenerate limbs, keypoints off the picture; one sampler per picture reused across
 * scenes of growing and shrinking crowds.
 */
class LimbColoursMatchStraightComputationTest {
    private static final Topology TOP = Topologies.coco18OpenPose();

    @Test
    void everyDescriptorIsBitIdenticalToTheStraightComputation() {
        SplittableRandom rnd = new SplittableRandom(14);
        int coloured = 0;
        int withoutColour = 0;
        for (int picture = 0; picture < 60; picture++) {
            int mode = picture % 4;
            InputSpec spec = spec(rnd, mode);
            Tensor tensor = Tensor.allocate("image", spec.type(), spec.shape());
            fill(tensor.buffer(), rnd);
            LimbColours fast = new LimbColours(TOP, spec, tensor);
            StraightLimbColours straight = new StraightLimbColours(TOP, spec, tensor);
            for (int scene = 0; scene < 50; scene++) {
                long seed = rnd.nextLong();
                Poses a = scene(new SplittableRandom(seed), spec, mode, fast.parts());
                Poses b = scene(new SplittableRandom(seed), spec, mode, fast.parts());
                fast.sample(a);
                straight.sample(b);
                for (int p = 0; p < a.count(); p++) {
                    for (int i = 0; i < a.appearanceParts(); i++) {
                        String where = "picture " + picture + " scene " + scene + " person " + p + " part " + i;
                        assertEquals(b.hasColour(p, i), a.hasColour(p, i), where);
                        if (a.hasColour(p, i)) {
                            coloured++;
                            for (int c = 0; c < Poses.COLOUR_CHANNELS; c++) {
                                assertEquals(Float.floatToRawIntBits(b.colour(p, i, c)), Float.floatToRawIntBits(a.colour(p, i, c)),
                                        where + " channel " + c);
                            }
                        } else {
                            withoutColour++;
                        }
                    }
                }
            }
        }
        assertTrue(coloured > 5_000 && withoutColour > 5_000, coloured + " parts coloured, " + withoutColour + " not: both outcomes tried");
    }

    private static InputSpec spec(SplittableRandom rnd, int mode) {
        int w = mode == 3 ? 3000 : 24 + rnd.nextInt(120);
        int h = mode == 3 ? 16 : 24 + rnd.nextInt(120);
        return rnd.nextBoolean()
                ? new InputSpec("image", h, w, ElementType.FLOAT32, TensorLayout.NCHW, InputSpec.ColorOrder.RGB, 1f / 255,
                        new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}, InputSpec.ResizePolicy.STRETCH, 0f)
                : new InputSpec("image", h, w, ElementType.UINT8, TensorLayout.NHWC, InputSpec.ColorOrder.BGR, 1f,
                        new float[3], new float[] {1, 1, 1}, InputSpec.ResizePolicy.STRETCH, 0f);
    }

    private static void fill(ByteBuffer b, SplittableRandom rnd) {
        boolean floats = b.capacity() % 4 == 0 && rnd.nextBoolean();
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, (byte) rnd.nextInt(256));
        }
        if (floats) {
            for (int i = 0; i + 4 <= b.capacity(); i += 4) {
                b.putFloat(i, (float) rnd.nextDouble(-2.5, 2.5));
            }
        }
    }

    /**
     * Up to 16 people. Mode 0: keypoints anywhere on and around the picture; 1: on a half-pixel grid in a small
     * area (shared points, zero-length limbs, ties); 2: people of every size crowded round a few centres;
     * 3: a 3000 px wide strip, people near its far end.
     */
    private static Poses scene(SplittableRandom rnd, InputSpec spec, int mode, int parts) {
        Poses poses = new Poses(TOP.keypointCount(), 16, parts);
        int people = rnd.nextInt(17);
        int w = spec.width();
        int h = spec.height();
        float cx = (float) rnd.nextDouble(0, w);
        float cy = (float) rnd.nextDouble(0, h);
        for (int n = 0; n < people; n++) {
            int p = poses.add((float) rnd.nextDouble());
            float size = (float) Math.exp(rnd.nextDouble(Math.log(1), Math.log(Math.max(w, h))));
            float px = mode == 2 && rnd.nextInt(3) > 0 ? cx + (float) rnd.nextGaussian() * size / 2 : (float) rnd.nextDouble(-0.1 * w, 1.1 * w);
            float py = mode == 2 && rnd.nextInt(3) > 0 ? cy + (float) rnd.nextGaussian() * size / 2 : (float) rnd.nextDouble(-0.1 * h, 1.1 * h);
            if (mode == 3) {
                px = 2900 + (float) rnd.nextDouble(-60, 110);
            }
            for (int k = 0; k < TOP.keypointCount(); k++) {
                if (rnd.nextInt(10) < 3) {
                    continue;
                }
                float x;
                float y;
                if (mode == 1) {
                    x = Math.round(rnd.nextDouble(0, 12) * 2) / 2f + w / 3f;
                    y = Math.round(rnd.nextDouble(0, 12) * 2) / 2f + h / 3f;
                } else {
                    x = px + (float) rnd.nextDouble(-size, size);
                    y = py + (float) rnd.nextDouble(-size, size);
                }
                poses.setKeypoint(p, k, x, y, 0.5f);
            }
        }
        return poses;
    }
}
