package io.posegate.backend.openvino;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import io.posegate.spi.testing.OnnxModelSpecs;
import io.posegate.spi.testing.OnnxTestModel;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared setup of the tests that run the real OpenVINO runtime on the small generated ONNX pose model: skips
 * with the probe's reason when the runtime is missing, else writes the model and its spec of {@link #H} x {@link #W}.
 */
abstract class RealRuntimeTestBase {
    static final int H = 32;
    static final int W = 48;
    static final OnnxTestModel MODEL = new OnnxTestModel(4);

    @TempDir
    Path temp;
    final OpenVinoProvider provider = new OpenVinoProvider();
    ModelSpec spec;

    @BeforeEach
    void requireRuntime() throws Exception {
        Probe probe = provider.probe();
        assumeTrue(probe.available(), () -> "openvino unavailable: " + probe.reason());
        spec = new OnnxModelSpecs().spec(MODEL.write(temp.resolve("pose.onnx")), H, W);
    }
}
