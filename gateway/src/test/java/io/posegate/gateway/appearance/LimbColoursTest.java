package io.posegate.gateway.appearance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputSpec;
import io.posegate.gateway.model.Preprocessor;
import io.posegate.gateway.model.TensorLayout;
import io.posegate.grouping.LimbParts;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link LimbColours} on a synthetic picture: each limb painted its own colour, joints marked in others. */
class LimbColoursTest {
    private static final int W = 300;
    private static final int H = 300;
    private static final Topology TOP = Topologies.coco18OpenPose();
    private static final String[] JOINTS = {"neck", "right_shoulder", "left_shoulder", "right_elbow", "right_wrist",
        "left_elbow", "left_wrist", "right_hip", "left_hip", "right_knee", "right_ankle", "left_knee", "left_ankle"};
    private static final float[][] AT = {{150, 60}, {120, 65}, {180, 65}, {80, 70}, {40, 75}, {220, 70}, {260, 75},
        {130, 160}, {170, 160}, {110, 220}, {100, 280}, {190, 220}, {200, 280}};

    @ParameterizedTest
    @ValueSource(strings = {"float32-nchw-rgb-imagenet", "uint8-nhwc-bgr"})
    void eachLimbGetsItsOwnColourAbsentPartsNoneAndMarkersAreNeverRead(String input) {
        InputSpec spec = input.startsWith("float32")
                ? new InputSpec("image", H, W, ElementType.FLOAT32, TensorLayout.NCHW, InputSpec.ColorOrder.RGB, 1f / 255,
                        new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}, InputSpec.ResizePolicy.STRETCH, 0f)
                : new InputSpec("image", H, W, ElementType.UINT8, TensorLayout.NHWC, InputSpec.ColorOrder.BGR, 1f,
                        new float[3], new float[] {1, 1, 1}, InputSpec.ResizePolicy.STRETCH, 0f);
        LimbParts parts = LimbParts.of(TOP);
        Tensor tensor = Tensor.allocate("image", spec.type(), spec.shape());
        LimbColours sampler = new LimbColours(TOP, spec, tensor);
        assertEquals(parts.count(), sampler.parts());

        Poses first = sample(spec, tensor, sampler, parts, 0);
        for (int i = 0; i < parts.count(); i++) {
            int[] c = limbColour(i);
            float sum = c[0] + c[1] + c[2];
            assertTrue(first.hasColour(0, i), "part " + i + " sampled");
            assertEquals(c[2] / sum, first.colour(0, i, 0), 0.01f, "part " + i + " chromaticity r");
            assertEquals(c[1] / sum, first.colour(0, i, 1), 0.01f, "part " + i + " chromaticity g");
            assertEquals(sum / (3 * 255f), first.colour(0, i, 2), 0.01f, "part " + i + " brightness");
        }
        // other marker colours: exactly the same descriptor
        Poses recoloured = sample(spec, tensor, sampler, parts, 1);
        for (int i = 0; i < parts.count(); i++) {
            for (int c = 0; c < Poses.COLOUR_CHANNELS; c++) {
                assertEquals(first.colour(0, i, c), recoloured.colour(0, i, c), "part " + i + " channel " + c);
            }
        }
        // without its wrist, the forearm has no colour; the rest still have theirs
        Poses noWrist = poses(parts);
        noWrist.setKeypoint(0, TOP.keypoints().indexOf("left_wrist"), 0, 0, 0);
        sampler.sample(noWrist);
        int checked = 0;
        for (int i = 0; i < parts.count(); i++) {
            boolean forearm = TOP.keypoints().get(parts.to(i)).equals("left_wrist") || TOP.keypoints().get(parts.from(i)).equals("left_wrist");
            assertEquals(!forearm, noWrist.hasColour(0, i), "part " + i);
            checked += forearm ? 1 : 0;
        }
        assertEquals(1, checked);
    }

    /** Paints the person (limbs, then joint markers of palette {@code markers}), pre-processes and samples. */
    private static Poses sample(InputSpec spec, Tensor tensor, LimbColours sampler, LimbParts parts, int markers) {
        VideoFrame frame = new VideoFrame();
        byte[] bgr = frame.reshape(W, H);
        for (int i = 0; i < bgr.length; i++) {
            bgr[i] = (byte) 128;
        }
        for (int i = 0; i < parts.count(); i++) {
            float[] a = AT[List.of(JOINTS).indexOf(TOP.keypoints().get(parts.from(i)))];
            float[] b = AT[List.of(JOINTS).indexOf(TOP.keypoints().get(parts.to(i)))];
            int[] c = limbColour(i);
            paint(bgr, (x, y) -> segmentDistance(x, y, a, b) <= 4, c);
        }
        for (int j = 0; j < JOINTS.length; j++) {
            float[] p = AT[j];
            int[] c = markers == 0 ? new int[] {0, 255 - 15 * j, 15 * j} : new int[] {250, 15 * j, 255 - 15 * j};
            paint(bgr, (x, y) -> Math.hypot(x - p[0], y - p[1]) <= 7, c);
        }
        new Preprocessor(spec).preprocess(frame, tensor);
        Poses poses = poses(parts);
        sampler.sample(poses);
        return poses;
    }

    private static Poses poses(LimbParts parts) {
        Poses poses = new Poses(TOP.keypointCount(), 4, parts.count());
        poses.add(1f);
        for (int j = 0; j < JOINTS.length; j++) {
            poses.setKeypoint(0, TOP.keypoints().indexOf(JOINTS[j]), AT[j][0], AT[j][1], 0.9f);
        }
        return poses;
    }

    /** A distinct BGR colour per part. */
    private static int[] limbColour(int i) {
        return new int[] {(40 + 53 * i) % 256, (200 + 97 * i) % 256, (90 + 31 * i) % 256};
    }

    private interface Inside {
        boolean at(double x, double y);
    }

    private static void paint(byte[] bgr, Inside inside, int[] c) {
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (inside.at(x + 0.5, y + 0.5)) {
                    int i = 3 * (y * W + x);
                    bgr[i] = (byte) c[0];
                    bgr[i + 1] = (byte) c[1];
                    bgr[i + 2] = (byte) c[2];
                }
            }
        }
    }

    private static double segmentDistance(double x, double y, float[] a, float[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
    }

    @org.junit.jupiter.api.Test
    void aSamplerOnAnItemOfABatchTensorReadsThatItemsPicture() {
        // the batched path: each item's FrameProcessor pre-processes into, and samples from, its own item
        InputSpec spec = new InputSpec("image", H, W, InputSpec.ColorOrder.RGB, 1f, new float[3], new float[] {1, 1, 1},
                InputSpec.ResizePolicy.STRETCH, 0f);
        Tensor batch = Tensor.allocate("image", ElementType.FLOAT32, 3, 3, H, W);
        LimbParts parts = LimbParts.of(TOP);
        int[][] fills = {{200, 30, 30}, {30, 200, 30}, {30, 30, 200}};
        for (int item = 0; item < 3; item++) {
            VideoFrame frame = new VideoFrame();
            byte[] bgr = frame.reshape(W, H);
            for (int i = 0; i < bgr.length; i++) {
                bgr[i] = (byte) fills[item][i % 3];
            }
            new Preprocessor(spec).preprocess(frame, batch.item(item));
        }
        for (int item = 0; item < 3; item++) {
            Poses poses = poses(parts);
            new LimbColours(TOP, spec, batch.item(item)).sample(poses);
            int[] c = fills[item];
            float sum = c[0] + c[1] + c[2];
            assertEquals(c[2] / sum, poses.colour(0, 0, 0), 1e-4f, "item " + item);
            assertEquals(c[1] / sum, poses.colour(0, 0, 1), 1e-4f, "item " + item);
        }
    }

    @org.junit.jupiter.api.Test
    void aTopologyWithoutLimbEdgesSamplesNothing() {
        Topology face = new Topology("face", List.of("nose", "left_eye"), List.of(io.posegate.grouping.Limb.edge(0, 1)), -1);
        InputSpec spec = new InputSpec("image", 10, 10, InputSpec.ColorOrder.RGB, 1f, new float[3], new float[] {1, 1, 1},
                InputSpec.ResizePolicy.STRETCH, 0f);
        LimbColours sampler = new LimbColours(face, spec, Tensor.allocate("image", ElementType.FLOAT32, spec.shape()));
        assertEquals(0, sampler.parts());
        Poses poses = new Poses(2, 2, 0);
        poses.add(1f);
        sampler.sample(poses);
        assertFalse(poses.appearanceParts() > 0);
    }
}
