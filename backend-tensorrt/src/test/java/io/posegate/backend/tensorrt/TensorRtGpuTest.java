package io.posegate.backend.tensorrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.backend.tensorrt.engine.EngineEnvelope;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import io.posegate.spi.Tensor;
import io.posegate.spi.testing.OnnxModelSpecs;
import io.posegate.spi.testing.OnnxTestModel;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On an NVIDIA GPU: builds an engine from the generated ONNX test model in FP16 and FP32, compares outputs with
 * the exact Java reference, checks the engine was cached and that the cached engine, unwrapped into a plain
 * {@code .engine} file, opens as a serialised engine with the same outputs. Skips with the probe's reason elsewhere.
 */
class TensorRtGpuTest {
    private static final int H = 32;
    private static final int W = 48;

    @TempDir
    Path dir;

    private final TensorRtBackendProvider provider = new TensorRtBackendProvider();

    @Test
    void buildsCachesAndReloadsTheOnnxTestModel() throws Exception {
        Probe probe = provider.probe();
        assumeTrue(probe.available(), () -> "tensorrt unavailable: " + probe.reason());
        OnnxTestModel model = new OnnxTestModel(4);
        ModelSpec spec = new OnnxModelSpecs().spec(model.write(dir.resolve("pose.onnx")), H, W);
        Path cache = dir.resolve("cache");
        for (String fp16 : List.of("false", "true")) {
            BackendOptions options = BackendOptions.of(Map.of("fp16", fp16, "cacheDir", cache.toString()));
            float tolerance = fp16.equals("true") ? 0.5f : 1e-3f;
            try (BackendSession s = provider.open(spec, options)) {
                assertTrue(s.device().startsWith("CUDA:0"), s.device());
                check(s, spec, model, tolerance);
            }
        }
        List<Path> engines;
        try (Stream<Path> files = Files.list(cache)) {
            engines = files.filter(p -> p.toString().endsWith(".engine")).toList();
        }
        assertEquals(2, engines.size(), "one cached engine per precision: " + engines);
        Path plain = Files.write(dir.resolve("pose.engine"), EngineEnvelope.unwrap(Files.readAllBytes(engines.get(0))));
        ModelSpec engineSpec = new ModelSpec(ModelFormat.TENSORRT_ENGINE, plain, spec.inputName(), spec.inputShape(), spec.outputNames());
        try (BackendSession s = provider.open(engineSpec, BackendOptions.empty())) {
            check(s, spec, model, 0.5f);
        }
    }

    private static void check(BackendSession s, ModelSpec spec, OnnxTestModel model, float tolerance) {
        Tensor input = Tensor.allocate(spec.inputName(), ElementType.FLOAT32, spec.inputShape());
        float[] values = new float[(int) input.elementCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 37 % 101) / 101f;
            input.floats().put(i, values[i]);
        }
        try (InferenceResult r = s.run(input)) {
            for (int which = 0; which < 2; which++) {
                String name = spec.outputNames().get(which);
                float[] expected = model.expected(which, values, H, W);
                FloatBuffer got = r.output(name).floats();
                float max = 0;
                for (int i = 0; i < expected.length; i++) {
                    max = Math.max(max, Math.abs(expected[i] - got.get(i)));
                }
                assertTrue(max <= tolerance, name + ": max abs difference " + max + " > " + tolerance);
            }
        }
    }
}
