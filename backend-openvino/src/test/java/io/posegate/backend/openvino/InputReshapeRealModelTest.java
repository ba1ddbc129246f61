package io.posegate.backend.openvino;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The input reshape on real models from POSEGATE_SHARED: the static IR of human-pose-estimation-0001 (declared
 * [1,3,256,456]) runs at another resolution, and a spec in the wrong layout is a MODEL_MISMATCH stating the shape
 * the model declares, not an OpenVINO shape-inference dump.
 */
class InputReshapeRealModelTest {
    private static final String HEATMAPS = "Mconv7_stage2_L2";
    private static Path hpe;
    private static Path posenet;

    @BeforeAll
    static void requireSharedAndRuntime() {
        String shared = System.getenv("POSEGATE_SHARED");
        assumeTrue(shared != null && !shared.isBlank(), "POSEGATE_SHARED is not set (folder with models/ and media/)");
        hpe = Path.of(shared, "models/human-pose-estimation-0001/human-pose-estimation-0001.xml");
        posenet = Path.of(shared, "models/posenet-mobilenet-v1-075/posenet_mobilenet_v1_075_353_481_quant.tflite");
        assumeTrue(Files.isRegularFile(hpe) && Files.isRegularFile(posenet), "POSEGATE_SHARED lacks " + hpe + " or " + posenet);
        Probe probe = new OpenVinoProvider().probe();
        assumeTrue(probe.available(), () -> "openvino unavailable: " + probe.reason());
    }

    private static BackendException openFails(ModelSpec spec) {
        BackendException e = assertThrows(BackendException.class, () -> new OpenVinoProvider().open(spec, BackendOptions.empty()));
        assertEquals(ErrorCode.MODEL_MISMATCH, e.code(), e.getMessage());
        return e;
    }

    @Test
    void theStaticIrRunsAtAnotherHeightAndWidth() throws Exception {
        ModelSpec spec = new ModelSpec(ModelFormat.OPENVINO_IR, hpe, "data", new long[] {1, 3, 368, 656}, List.of(HEATMAPS));
        try (BackendSession s = new OpenVinoProvider().open(spec, BackendOptions.empty());
             InferenceResult r = s.run(Tensor.allocate("data", ElementType.FLOAT32, 1, 3, 368, 656))) {
            assertArrayEquals(new long[] {1, 19, 46, 82}, r.output(HEATMAPS).shape());
        }
    }

    @Test
    void anNchwSpecOnTheNhwcTfliteModelStatesTheDeclaredShape() {
        ModelSpec spec = new ModelSpec(ModelFormat.TFLITE, posenet, "sub_2", new long[] {1, 3, 353, 481}, List.of("float_heatmaps"));
        String message = openFails(spec).getMessage();
        assertTrue(message.contains("declares shape [1, 353, 481, 3] but the model spec feeds [1, 3, 353, 481]"), message);
        assertTrue(message.contains("this model looks NHWC"), message);
    }

    @Test
    void anNhwcSpecOnTheNchwIrStatesTheDeclaredShape() {
        ModelSpec spec = new ModelSpec(ModelFormat.OPENVINO_IR, hpe, "data", new long[] {1, 256, 456, 3}, List.of(HEATMAPS));
        String message = openFails(spec).getMessage();
        assertTrue(message.contains("declares shape [1, 3, 256, 456] but the model spec feeds [1, 256, 456, 3]"), message);
        assertTrue(message.contains("this model looks NCHW"), message);
    }
}
