package io.posegate.backend.openvino;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.decode.DecoderInputs;
import io.posegate.grouping.decode.DecoderParams;
import io.posegate.grouping.decode.Decoders;
import io.posegate.grouping.decode.PoseDecoder;
import io.posegate.grouping.posenet.CoralReference;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import io.posegate.spi.Tensor;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Decoder {@code posenet} on Coral's PoseNet MobileNet v1 0.75 (ONNX file) run by OpenVINO's CPU device,
 * against Coral's own decoder output on test_couple.jpg. Skips when $POSEGATE_SHARED is unset or the
 * runtime is missing (installed by .ci/install-openvino.sh). Grouping is a test-scope dependency only.
 */
class PoseNetCoralParityTest {
    private static final String PREFIX = "TFLITE2ONNX_Quant_float_";
    private static final String HEATMAPS = PREFIX + "heatmaps_dequantized";
    private static final String OFFSETS = PREFIX + "short_offsets_dequantized";
    private static final String DISPLACEMENTS = PREFIX + "mid_offsets_dequantized";

    @Test
    void onnxOnOpenVinoDecodesToCoralsPeople() throws Exception {
        CoralReference reference = CoralReference.load();
        Probe probe = new OpenVinoProvider().probe();
        assumeTrue(probe.available(), () -> "openvino unavailable: " + probe.reason());
        Path file = CoralReference.modelDir().resolve("posenet_mobilenet_v1_075_353_481_quant.onnx");
        int h = CoralReference.HEIGHT;
        int w = CoralReference.WIDTH;
        ModelSpec spec = new ModelSpec(ModelFormat.ONNX, file, "sub_2", new long[] {1, 3, h, w},
                List.of(HEATMAPS, OFFSETS, DISPLACEMENTS));
        int[] rgb = CoralReference.image();
        Tensor input = Tensor.allocate("sub_2", ElementType.FLOAT32, 1, 3, h, w);
        FloatBuffer in = input.floats();
        for (int i = 0; i < h * w; i++) {
            in.put(i, (((rgb[i] >> 16) & 0xff) - 128) / 128f);
            in.put(h * w + i, (((rgb[i] >> 8) & 0xff) - 128) / 128f);
            in.put(2 * h * w + i, ((rgb[i] & 0xff) - 128) / 128f);
        }
        PoseDecoder decoder = Decoders.create("posenet", Topologies.coco17(), DecoderParams.defaults());
        Poses poses = new Poses(17, 10);
        try (BackendSession s = new OpenVinoProvider().open(spec, BackendOptions.empty());
             InferenceResult r = s.run(input)) {
            decoder.decode(DecoderInputs.of(Map.of("heatmaps", view(r.output(HEATMAPS)),
                    "offsets", view(r.output(OFFSETS)), "displacements", view(r.output(DISPLACEMENTS)))), poses);
        }
        System.out.println(reference.assertMatches(poses, "posenet (ONNX file) on OpenVINO"));
    }

    private static FeatureMap view(Tensor t) {
        long[] s = t.shape();
        return new FeatureMap(t.floats(), (int) s[1], (int) s[2], (int) s[3]);
    }
}
