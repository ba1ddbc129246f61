package io.posegate.backend.openvino;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import io.posegate.spi.Tensor;
import io.posegate.spi.TensorInfo;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenVINO reads TensorFlow Lite models: Coral's PoseNet MobileNet v1 0.75 as {@code .tflite} (UINT8
 * NHWC input) gives the same heatmaps as its ONNX conversion (float NCHW input, (pixel - 128) / 128),
 * both on OpenVINO's CPU device, on test_couple.jpg from POSEGATE_SHARED. The TFLite outputs stay
 * quantised (UINT8, scale 20/255 and zero point 128 for the heatmaps), as the file declares them.
 */
class PoseNetTfliteTest {
    private static final int H = 353;
    private static final int W = 481;
    private static Path dir;
    private static BufferedImage picture;

    @BeforeAll
    static void requireSharedAndRuntime() throws Exception {
        String shared = System.getenv("POSEGATE_SHARED");
        assumeTrue(shared != null && !shared.isBlank(), "POSEGATE_SHARED is not set (folder with models/ and media/)");
        dir = Path.of(shared, "models/posenet-mobilenet-v1-075");
        Path image = Path.of(shared, "media/test_couple.jpg");
        assumeTrue(Files.isDirectory(dir) && Files.isRegularFile(image), "POSEGATE_SHARED lacks " + dir + " or " + image);
        Probe probe = new OpenVinoProvider().probe();
        assumeTrue(probe.available(), () -> "openvino unavailable: " + probe.reason());
        picture = ImageIO.read(image.toFile());
    }

    /** Nearest-neighbour sample of the picture at model pixel (x, y), as 0xRRGGBB. */
    private static int rgb(int x, int y) {
        return picture.getRGB(x * picture.getWidth() / W, y * picture.getHeight() / H);
    }

    private static float[] heatmapsFromTflite() {
        ModelSpec spec = new ModelSpec(ModelFormat.TFLITE, dir.resolve("posenet_mobilenet_v1_075_353_481_quant.tflite"), "sub_2",
                new long[] {1, H, W, 3}, List.of("float_heatmaps", "float_short_offsets", "float_mid_offsets"));
        try (BackendSession s = new OpenVinoProvider().open(spec, BackendOptions.empty())) {
            TensorInfo in = s.inputs().get(0);
            assertEquals(ElementType.UINT8, in.type(), "the TFLite input is UINT8: " + in);
            Tensor input = Tensor.allocate("sub_2", ElementType.UINT8, 1, H, W, 3);
            ByteBuffer b = input.buffer();
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int c = rgb(x, y);
                    b.put((byte) (c >> 16)).put((byte) (c >> 8)).put((byte) c);
                }
            }
            try (InferenceResult r = s.run(input)) {
                assertArrayEquals(new long[] {1, 23, 31, 17}, r.output("float_heatmaps").shape());
                assertArrayEquals(new long[] {1, 23, 31, 64}, r.output("float_mid_offsets").shape());
                Tensor heat = r.output("float_heatmaps");
                assertEquals(ElementType.UINT8, heat.type(), "the quantised outputs stay UINT8 in OpenVINO");
                ByteBuffer nhwc = heat.buffer();
                float[] nchw = new float[17 * 23 * 31];
                for (int i = 0; i < 23 * 31; i++) {
                    for (int c = 0; c < 17; c++) {
                        // the TFLite file's quantisation of float_heatmaps: scale 20/255, zero point 128
                        nchw[c * 23 * 31 + i] = ((nhwc.get(i * 17 + c) & 0xff) - 128) * (20f / 255f);
                    }
                }
                return nchw;
            }
        }
    }

    private static float[] heatmapsFromOnnx() {
        String heat = "TFLITE2ONNX_Quant_float_heatmaps_dequantized";
        ModelSpec spec = new ModelSpec(ModelFormat.ONNX, dir.resolve("posenet_mobilenet_v1_075_353_481_quant.onnx"), "sub_2",
                new long[] {1, 3, H, W}, List.of(heat));
        try (BackendSession s = new OpenVinoProvider().open(spec, BackendOptions.empty())) {
            Tensor input = Tensor.allocate("sub_2", ElementType.FLOAT32, 1, 3, H, W);
            FloatBuffer f = input.floats();
            int plane = H * W;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int c = rgb(x, y);
                    f.put(y * W + x, (((c >> 16) & 0xff) - 128) / 128f);
                    f.put(plane + y * W + x, (((c >> 8) & 0xff) - 128) / 128f);
                    f.put(2 * plane + y * W + x, ((c & 0xff) - 128) / 128f);
                }
            }
            try (InferenceResult r = s.run(input)) {
                FloatBuffer out = r.output(heat).floats();
                float[] a = new float[out.remaining()];
                out.get(a);
                return a;
            }
        }
    }

    @Test
    void tfliteFileGivesTheSameHeatmapsAsItsOnnxConversion() {
        float[] tflite = heatmapsFromTflite();
        float[] onnx = heatmapsFromOnnx();
        assertEquals(onnx.length, tflite.length);
        float max = 0;
        int agreeingPeaks = 0;
        for (int c = 0; c < 17; c++) {
            int a = argmax(tflite, c);
            int b = argmax(onnx, c);
            agreeingPeaks += a == b ? 1 : 0;
        }
        for (int i = 0; i < onnx.length; i++) {
            max = Math.max(max, Math.abs(onnx[i] - tflite[i]));
        }
        System.out.printf("posenet tflite vs onnx on OpenVINO CPU: max |heatmap logit diff| %.4f, %d/17 peaks in the same cell%n",
                max, agreeingPeaks);
        assertTrue(agreeingPeaks >= 15, agreeingPeaks + " of 17 keypoint peaks agree");
        assertTrue(max < 1f, "largest logit difference " + max);
    }

    @Test
    void tfliteInputRefusesAFloatTensor() {
        ModelSpec spec = new ModelSpec(ModelFormat.TFLITE, dir.resolve("posenet_mobilenet_v1_075_353_481_quant.tflite"), "sub_2",
                new long[] {1, H, W, 3}, List.of("float_heatmaps"));
        try (BackendSession s = new OpenVinoProvider().open(spec, BackendOptions.empty())) {
            BackendException e = org.junit.jupiter.api.Assertions.assertThrows(BackendException.class,
                    () -> s.run(Tensor.allocate("sub_2", ElementType.FLOAT32, 1, H, W, 3)));
            assertEquals(ErrorCode.INVALID_INPUT, e.code());
            assertTrue(e.getMessage().contains("UINT8"), e.getMessage());
        }
    }

    private static int argmax(float[] maps, int c) {
        int plane = 23 * 31;
        int best = 0;
        for (int i = 1; i < plane; i++) {
            if (maps[c * plane + i] > maps[c * plane + best]) {
                best = i;
            }
        }
        return best;
    }
}
