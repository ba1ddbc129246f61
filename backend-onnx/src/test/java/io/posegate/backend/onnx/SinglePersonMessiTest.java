package io.posegate.backend.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.DecoderInputs;
import io.posegate.grouping.decode.DecoderParams;
import io.posegate.grouping.decode.Decoders;
import io.posegate.grouping.decode.PoseDecoder;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Tensor;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decoder {@code single-person} on the real single-person networks (stacked hourglass, CPM; ONNX Runtime)
 * on messi5.jpg cropped to the player in front: every keypoint lands on his body, and the head, hands
 * and feet where they are in the picture. Skips when
 * $POSEGATE_SHARED is unset.
 */
class SinglePersonMessiTest {
    /** The crop given to the network (image pixels): the player with a margin, letterboxed to a square. */
    private static final int CROP_X = 50;
    private static final int CROP_Y = 0;
    private static final int CROP_W = 420;
    private static final int CROP_H = 342;
    /** The player's body, hands to feet and hair to shoes (image pixels, read off the picture). */
    private static final int BODY_X0 = 65;
    private static final int BODY_X1 = 460;
    private static final int BODY_Y0 = 55;
    private static final int BODY_Y1 = 340;
    private static final int SIZE = 192;
    /**
     * Where some parts are in the picture (image pixels x0, y0, x1, y1, read off the photo with a 30 px
     * margin): his head, both hands and both shoes. He faces the camera: his right is the image's left.
     */
    private static final Map<String, int[]> PARTS = Map.of("head_top", new int[] {175, 25, 295, 140},
            "right_wrist", new int[] {40, 60, 160, 150}, "left_wrist", new int[] {320, 130, 410, 210},
            "right_ankle", new int[] {230, 270, 330, 345}, "left_ankle", new int[] {385, 225, 480, 320});

    @ParameterizedTest
    @CsvSource({"single-person-hourglass/hourglass.onnx, hourglass_out_3, 48, quarter",
        "single-person-cpm/cpm.onnx, Convolutional_Pose_Machine/stage_5_out, 96, quarter",
        "single-person-hourglass/hourglass.onnx, hourglass_out_3, 48, dark",
        "single-person-cpm/cpm.onnx, Convolutional_Pose_Machine/stage_5_out, 96, dark"})
    void everyKeypointLandsOnThePlayer(String model, String output, int mapSize, String refine) throws Exception {
        String shared = System.getenv("POSEGATE_SHARED");
        assumeTrue(shared != null && !shared.isBlank(), "POSEGATE_SHARED is not set (folder holding models/ and media/)");
        Path file = Path.of(shared, "models", model);
        assumeTrue(Files.isRegularFile(file), "POSEGATE_SHARED has no " + file);
        BufferedImage image = ImageIO.read(Path.of(shared, "media/messi5.jpg").toFile());
        float scale = (float) SIZE / Math.max(CROP_W, CROP_H);
        float padY = (SIZE - CROP_H * scale) / 2;
        float padX = (SIZE - CROP_W * scale) / 2;
        Tensor input = letterboxBgr(image, scale, padX, padY);
        Topology topology = Topologies.aic14();
        PoseDecoder decoder = Decoders.create("single-person", topology,
                DecoderParams.of(Map.of("blurKernel", 5, "refine", refine)));
        Poses poses = new Poses(14, 1);
        ModelSpec spec = new ModelSpec(ModelFormat.ONNX, file, "image", new long[] {1, 3, SIZE, SIZE}, List.of(output));
        try (BackendSession s = new OnnxBackendProvider().open(spec, BackendOptions.empty());
             InferenceResult r = s.run(input)) {
            Tensor t = r.output(output);
            assertEquals(mapSize, t.shape()[2]);
            decoder.decode(DecoderInputs.of(Map.of("heatmaps",
                    new FeatureMap(t.floats(), 14, mapSize, mapSize))), poses);
        }
        assertEquals(1, poses.count());
        double cell = (double) SIZE / mapSize;
        StringBuilder where = new StringBuilder(model + " " + refine + ":");
        int onBody = 0;
        for (int k = 0; k < 14; k++) {
            double x = CROP_X + (poses.x(0, k) * cell - padX) / scale;
            double y = CROP_Y + (poses.y(0, k) * cell - padY) / scale;
            int[] part = PARTS.getOrDefault(topology.keypoints().get(k), new int[] {BODY_X0, BODY_Y0, BODY_X1, BODY_Y1});
            boolean in = poses.present(0, k) && x >= part[0] && x <= part[2] && y >= part[1] && y <= part[3];
            onBody += in ? 1 : 0;
            where.append(String.format("%n  %-15s (%.0f,%.0f) %.2f %s", topology.keypoints().get(k), x, y,
                    poses.score(0, k), in ? "" : "OFF THE BODY"));
        }
        System.out.println(where);
        assertEquals(14, onBody, where.toString());
    }

    /** The crop scaled by {@code scale} (nearest) into a black 192x192 square, planar BGR floats 0..255. */
    private static Tensor letterboxBgr(BufferedImage image, float scale, float padX, float padY) {
        Tensor t = Tensor.allocate("image", ElementType.FLOAT32, 1, 3, SIZE, SIZE);
        FloatBuffer fb = t.floats();
        int plane = SIZE * SIZE;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int sx = CROP_X + (int) Math.floor((x + 0.5f - padX) / scale);
                int sy = CROP_Y + (int) Math.floor((y + 0.5f - padY) / scale);
                if (sx < CROP_X || sy < CROP_Y || sx >= CROP_X + CROP_W || sy >= CROP_Y + CROP_H) {
                    continue;
                }
                int rgb = image.getRGB(sx, sy);
                fb.put(y * SIZE + x, rgb & 0xff);
                fb.put(plane + y * SIZE + x, (rgb >> 8) & 0xff);
                fb.put(2 * plane + y * SIZE + x, (rgb >> 16) & 0xff);
            }
        }
        return t;
    }
}
