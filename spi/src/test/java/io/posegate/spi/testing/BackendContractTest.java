package io.posegate.spi.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import io.posegate.spi.Tensor;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every backend module runs: extend it, return the provider and a model the backend can
 * run, and every rule of the SPI is checked. Tests that need the runtime skip with the probe's reason
 * when it is unavailable, so hardware backends pass on machines without their hardware.
 *
 * <p>The model is {@link OnnxTestModel} unless the subclass overrides {@link #model(Path)}: a backend
 * that cannot read ONNX returns its own format and overrides {@link #expectedOutput}.
 */
public abstract class BackendContractTest {
    protected static final int H = 16;
    protected static final int W = 24;
    protected static final int STRIDE = 4;

    @TempDir
    protected Path tempDir;

    /** A fresh provider, constructed as ServiceLoader would. */
    protected abstract BackendProvider provider();

    /** Options to open the contract model with (device, threads...). */
    protected BackendOptions options() {
        return BackendOptions.empty();
    }

    /** The model to open; by default the generated ONNX test model. */
    protected ModelSpec model(Path dir) throws Exception {
        Path file = new OnnxTestModel(STRIDE).write(dir.resolve("contract.onnx"));
        return new OnnxModelSpecs().spec(file, H, W);
    }

    /** Expected values of output {@code name} for {@code input}; by default from {@link OnnxTestModel}. */
    protected float[] expectedOutput(String name, float[] input) {
        return new OnnxTestModel(STRIDE).expected(name.equals("heatmaps") ? 0 : 1, input, H, W);
    }

    /** Largest absolute difference accepted against {@link #expectedOutput}. */
    protected float tolerance() {
        return 1e-4f;
    }

    private Probe availableProbe() {
        Probe probe = provider().probe();
        assumeTrue(probe.available(), () -> provider().name() + " unavailable: " + probe.reason());
        return probe;
    }

    @Test
    void isDiscoveredByServiceLoader() {
        String name = provider().name();
        boolean found = ServiceLoader.load(BackendProvider.class).stream()
                .anyMatch(p -> p.type().equals(provider().getClass()));
        assertTrue(found, "provider " + name + " is not registered in META-INF/services");
    }

    @Test
    void nameIsShortLowerCase() {
        assertTrue(provider().name().matches("[a-z][a-z0-9_-]*"), provider().name());
    }

    @Test
    void probeNeverThrowsAndGivesAReason() {
        Probe probe = assertDoesNotThrow(() -> provider().probe());
        assertNotNull(probe);
        assertFalse(probe.reason().isBlank(), "probe reason is blank");
        assertFalse(probe.formats().isEmpty(), "probe lists no model formats");
    }

    @Test
    void probeWithOptionsNeverThrowsEvenForOptionsOpenRefuses() {
        BackendOptions odd = BackendOptions.of(java.util.Map.of("libraryPath", "/no/such/dir\u0000", "noSuchOption", "x"));
        Probe probe = assertDoesNotThrow(() -> provider().probe(odd));
        assertNotNull(probe);
        assertFalse(probe.reason().isBlank(), "probe reason is blank");
        assertEquals(provider().probe(BackendOptions.empty()).available(), provider().probe().available(),
                "probe(empty options) and probe() disagree");
    }

    @Test
    void openWhenUnavailableFailsWithRuntimeUnavailable() throws Exception {
        Probe probe = provider().probe();
        assumeTrue(!probe.available(), "backend is available here");
        ModelSpec spec = model(tempDir);
        BackendException e = assertThrows(BackendException.class, () -> provider().open(spec, options()));
        assertEquals(ErrorCode.RUNTIME_UNAVAILABLE, e.code(), e.toString());
    }

    @Test
    void missingModelFileIsModelNotFound() throws Exception {
        availableProbe();
        ModelSpec good = model(tempDir);
        ModelSpec missing = new ModelSpec(good.format(), tempDir.resolve("nope/missing" + suffix(good)),
                good.inputName(), good.inputShape(), good.outputNames());
        BackendException e = assertThrows(BackendException.class, () -> provider().open(missing, options()));
        assertEquals(ErrorCode.MODEL_NOT_FOUND, e.code(), e.toString());
        assertTrue(e.getMessage().contains("missing"), "message should name the file: " + e.getMessage());
    }

    @Test
    void unknownOutputNameIsModelMismatch() throws Exception {
        availableProbe();
        ModelSpec good = model(tempDir);
        ModelSpec bad = new ModelSpec(good.format(), good.file(), good.inputName(), good.inputShape(),
                List.of(good.outputNames().get(0), "no_such_output"));
        BackendException e = assertThrows(BackendException.class, () -> provider().open(bad, options()));
        assertEquals(ErrorCode.MODEL_MISMATCH, e.code(), e.toString());
        assertTrue(e.getMessage().contains("no_such_output"), e.getMessage());
    }

    @Test
    void runsAndReturnsExpectedOutputsInDirectNativeBuffers() throws Exception {
        availableProbe();
        ModelSpec spec = model(tempDir);
        try (BackendSession session = provider().open(spec, options())) {
            assertEquals(provider().name(), session.backendName());
            assertTrue(session.maxConcurrentRuns() >= 1);
            Tensor input = Tensor.allocate(spec.inputName(), ElementType.FLOAT32, spec.inputShape());
            for (int frame = 0; frame < 3; frame++) {
                float[] values = fill(input, frame);
                try (InferenceResult result = session.run(input)) {
                    for (String name : spec.outputNames()) {
                        Tensor out = result.output(name);
                        assertTrue(out.buffer().isDirect(), name + " is not direct");
                        assertEquals(ByteOrder.nativeOrder(), out.buffer().order());
                        assertEquals(ElementType.FLOAT32, out.type());
                        float[] expected = expectedOutput(name, values);
                        assertEquals(expected.length, out.elementCount(), name + " element count");
                        FloatBuffer fb = out.floats();
                        for (int i = 0; i < expected.length; i++) {
                            float d = Math.abs(expected[i] - fb.get(i));
                            if (d > tolerance()) {
                                throw new AssertionError(name + "[" + i + "] expected " + expected[i] + " got " + fb.get(i));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void wrongInputShapeIsInvalidInputAndSessionSurvives() throws Exception {
        availableProbe();
        ModelSpec spec = model(tempDir);
        try (BackendSession session = provider().open(spec, options())) {
            Tensor wrong = Tensor.allocate(spec.inputName(), ElementType.FLOAT32, 1, 2, H, W);
            BackendException e = assertThrows(BackendException.class, () -> session.run(wrong).close());
            assertEquals(ErrorCode.INVALID_INPUT, e.code(), e.toString());
            Tensor right = Tensor.allocate(spec.inputName(), ElementType.FLOAT32, spec.inputShape());
            try (InferenceResult r = session.run(right)) {
                assertEquals(spec.outputNames().size(), spec.outputNames().stream().map(r::output).count());
            }
        }
    }

    @Test
    void unknownOutputOnResultAndUseAfterCloseFailCleanly() throws Exception {
        availableProbe();
        ModelSpec spec = model(tempDir);
        BackendSession session = provider().open(spec, options());
        Tensor input = Tensor.allocate(spec.inputName(), ElementType.FLOAT32, spec.inputShape());
        try (InferenceResult r = session.run(input)) {
            BackendException e = assertThrows(BackendException.class, () -> r.output("nope"));
            assertEquals(ErrorCode.MODEL_MISMATCH, e.code());
        }
        session.close();
        session.close();
        BackendException e = assertThrows(BackendException.class, () -> session.run(input));
        assertEquals(ErrorCode.CLOSED, e.code());
    }

    private static String suffix(ModelSpec spec) {
        String n = spec.file().getFileName().toString();
        int dot = n.indexOf('.');
        return dot < 0 ? "" : n.substring(dot);
    }

    private static float[] fill(Tensor input, int frame) {
        FloatBuffer fb = input.floats();
        float[] values = new float[fb.capacity()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ((i * 31 + frame * 17) % 97) / 97f * 255f;
            fb.put(i, values[i]);
        }
        return values;
    }
}
