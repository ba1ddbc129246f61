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
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** OpenVINO-specific session behaviour on the real runtime (CPU); skips with the probe's reason without it. */
class OpenVinoSessionTest extends RealRuntimeTestBase {
    private static float[] fill(Tensor t, int seed) {
        FloatBuffer fb = t.floats();
        float[] v = new float[fb.capacity()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((i * 13 + seed * 29) % 101) / 101f * 255f;
            fb.put(i, v[i]);
        }
        return v;
    }

    private static float maxDiff(float[] expected, Tensor actual) {
        FloatBuffer fb = actual.floats();
        float max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - fb.get(i)));
        }
        return max;
    }

    @Test
    void loadedProbeListsDevicesAndTheRuntimeBuild() {
        Probe probe = provider.probeLoaded();
        assertTrue(probe.available(), probe.reason());
        assertTrue(probe.capabilities().contains("CPU"), probe.toString());
        assertTrue(probe.reason().startsWith("OpenVINO 20") && probe.reason().contains("CPU"), probe.reason());
    }

    @Test
    void dynamicInputIsFixedToTheSpecShapeAndOutputsFollow() {
        try (BackendSession s = provider.open(spec, BackendOptions.empty())) {
            assertArrayEquals(new long[] {1, 3, H, W}, s.inputs().get(0).shape());
            assertArrayEquals(new long[] {1, 19, H / 4, W / 4}, s.outputs().stream()
                    .filter(o -> o.name().equals("heatmaps")).findFirst().orElseThrow().shape());
            assertEquals("CPU", s.device());
        }
        Probe after = provider.probe();
        assertTrue(after.capabilities().contains("CPU"), after.toString());
        assertTrue(after.details().get("devices").contains("CPU"), after.toString());
    }

    @Test
    void inferRequestsRunConcurrentlyEachIntoItsOwnBuffers() throws Exception {
        int n = 3;
        try (BackendSession s = provider.open(spec, BackendOptions.of(Map.of("inferRequests", "3")))) {
            assertEquals(n, s.maxConcurrentRuns());
            CyclicBarrier allHoldResults = new CyclicBarrier(n);
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                List<Future<Float>> diffs = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    int seed = k;
                    Callable<Float> job = () -> {
                        Tensor in = Tensor.allocate("input", ElementType.FLOAT32, 1, 3, H, W);
                        float[] values = fill(in, seed);
                        try (InferenceResult r = s.run(in)) {
                            allHoldResults.await();  // all n results are open at once here
                            return Math.max(maxDiff(MODEL.expected(0, values, H, W), r.output("heatmaps")),
                                    maxDiff(MODEL.expected(1, values, H, W), r.output("pafs")));
                        }
                    };
                    diffs.add(pool.submit(job));
                }
                for (Future<Float> d : diffs) {
                    assertTrue(d.get() < 1e-3f, "max abs diff " + d.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void runningWhileEveryRequestIsLentOutFailsAndClosingFreesOne() {
        try (BackendSession s = provider.open(spec, BackendOptions.of(Map.of("inferRequests", "2")))) {
            Tensor in = Tensor.allocate("input", ElementType.FLOAT32, 1, 3, H, W);
            InferenceResult first = s.run(in);
            InferenceResult second = s.run(in);
            BackendException e = assertThrows(BackendException.class, () -> s.run(in));
            assertEquals(ErrorCode.INFERENCE_FAILED, e.code());
            assertTrue(e.getMessage().contains("all 2 OpenVINO infer requests are in use"), e.getMessage());
            first.close();
            first.close();
            s.run(in).close();
            second.close();
            assertEquals(ErrorCode.CLOSED, assertThrows(BackendException.class, () -> first.output("heatmaps")).code());
        }
    }

    @Test
    void theLoadedRuntimeIsReusedThroughALinkAndASecondLibraryIsRefused() throws Exception {
        Path real = Path.of(provider.probeLoaded().details().get("library"));
        OpenVinoProvider configured = new OpenVinoProvider(new RuntimeLocator(Map.of(), System::getProperty, List.of()));
        Path link = Files.createSymbolicLink(temp.resolve("linked-libs"), real.getParent());
        try (BackendSession s = configured.open(spec, BackendOptions.of(Map.of("libraryPath", link.toString())))) {
            assertEquals("openvino", s.backendName());
        }
        Path copyDir = Files.createDirectories(temp.resolve("second-copy"));
        Path copy = Files.copy(real, copyDir.resolve(real.getFileName()));
        BackendException e = assertThrows(BackendException.class,
                () -> configured.open(spec, BackendOptions.of(Map.of("libraryPath", copyDir.toString()))));
        assertEquals(ErrorCode.RUNTIME_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("already loaded") && e.getMessage().contains(copy.toString()), e.getMessage());
        System.out.println("second OpenVINO library refused: " + e.getMessage());
    }

    @Test
    void missingDeviceIsDeviceUnavailableListingTheDevicesFound() {
        BackendException e = assertThrows(BackendException.class,
                () -> provider.open(spec, BackendOptions.of(Map.of("device", "MYRIAD"))));
        assertEquals(ErrorCode.DEVICE_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("'MYRIAD' is not available") && e.getMessage().contains("CPU"), e.getMessage());
    }

    @Test
    void lowerCaseDeviceOpensOnOpenVinosDevice() {
        try (BackendSession s = provider.open(spec, BackendOptions.of(Map.of("device", "cpu")))) {
            assertEquals("CPU", s.device());
        }
    }

    @Test
    void aMissingDeviceInsideAVirtualOneIsDeviceUnavailable() {
        BackendException e = assertThrows(BackendException.class,
                () -> provider.open(spec, BackendOptions.of(Map.of("device", "hetero:nosuch,cpu"))));
        assertEquals(ErrorCode.DEVICE_UNAVAILABLE, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("HETERO:NOSUCH,CPU"), e.getMessage());
    }

    /** f32 is asked for: AUTO does not get the CPU's f32 default, and picks bf16 on CPUs that have it. */
    @Test
    void autoPassesOverAbsentCandidatesAndOpensOnOneThatIsPresent() throws Exception {
        assumeTrue(provider.probeLoaded().capabilities().stream().noneMatch(d -> d.startsWith("GPU")), "this box has a GPU");
        for (String device : List.of("auto:gpu,cpu", "AUTO:NOSUCH,CPU")) {
            try (BackendSession s = provider.open(spec, BackendOptions.of(Map.of("device", device, "inferencePrecision", "f32")))) {
                assertEquals(device.toUpperCase(java.util.Locale.ROOT), s.device());
                Tensor in = Tensor.allocate("input", ElementType.FLOAT32, 1, 3, H, W);
                float[] values = fill(in, 1);
                try (InferenceResult r = s.run(in)) {
                    float d = maxDiff(MODEL.expected(0, values, H, W), r.output("heatmaps")); assertTrue(d < 1e-3f, device + " " + d);
                }
            }
        }
    }

    @Test
    void autoExclusionsAreNotDevicesThatMustBePresent() throws Exception {
        try (BackendSession s = provider.open(spec, BackendOptions.of(Map.of("device", "AUTO:-GPU")))) {
            assertEquals("AUTO:-GPU", s.device());
        }
        try (BackendSession s = provider.open(spec, BackendOptions.of(Map.of("device", "auto:-nosuch,cpu")))) {
            assertEquals("AUTO:-NOSUCH,CPU", s.device());
        }
    }

    @Test
    void autoExcludingEveryDeviceIsDeviceUnavailable() {
        assumeTrue(provider.probeLoaded().capabilities().equals(List.of("CPU")), "this box has more devices than CPU");
        BackendException e = assertThrows(BackendException.class,
                () -> provider.open(spec, BackendOptions.of(Map.of("device", "auto:-cpu"))));
        assertEquals(ErrorCode.DEVICE_UNAVAILABLE, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("'AUTO:-CPU' excludes every device") && e.getMessage().contains("[CPU]"), e.getMessage());
    }

    @Test
    void autoWithNoCandidatePresentIsDeviceUnavailable() {
        BackendException e = assertThrows(BackendException.class,
                () -> provider.open(spec, BackendOptions.of(Map.of("device", "AUTO:NOSUCH,-CPU"))));
        assertEquals(ErrorCode.DEVICE_UNAVAILABLE, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("[NOSUCH]") && e.getMessage().contains("AUTO:NOSUCH,-CPU"), e.getMessage());
    }

    @Test
    void aMissingDeviceInsideMultiIsDeviceUnavailable() {
        BackendException e = assertThrows(BackendException.class,
                () -> provider.open(spec, BackendOptions.of(Map.of("device", "MULTI:CPU,NOSUCH"))));
        assertEquals(ErrorCode.DEVICE_UNAVAILABLE, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("'NOSUCH' (in 'MULTI:CPU,NOSUCH')"), e.getMessage());
    }

    @Test
    void unknownInputNameIsModelMismatchListingTheInputs() {
        ModelSpec bad = new ModelSpec(ModelFormat.ONNX, spec.file(), "image", spec.inputShape(), spec.outputNames());
        BackendException e = assertThrows(BackendException.class, () -> provider.open(bad, BackendOptions.empty()));
        assertEquals(ErrorCode.MODEL_MISMATCH, e.code());
        assertTrue(e.getMessage().contains("input 'image' not found") && e.getMessage().contains("[input]"), e.getMessage());
    }

    @Test
    void otherFormatsAndIrWithoutWeightsAreRejected() throws Exception {
        ModelSpec engine = new ModelSpec(ModelFormat.TENSORRT_ENGINE, spec.file(), "input", spec.inputShape(), spec.outputNames());
        assertEquals(ErrorCode.UNSUPPORTED_FORMAT,
                assertThrows(BackendException.class, () -> provider.open(engine, BackendOptions.empty())).code());
        Path xml = Files.writeString(temp.resolve("lonely.xml"), "<net/>");
        ModelSpec ir = new ModelSpec(ModelFormat.OPENVINO_IR, xml, "input", spec.inputShape(), spec.outputNames());
        BackendException e = assertThrows(BackendException.class, () -> provider.open(ir, BackendOptions.empty()));
        assertEquals(ErrorCode.MODEL_NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("lonely.bin"), e.getMessage());
    }

    @Test
    void corruptModelIsModelInvalid() throws Exception {
        Path junk = Files.write(temp.resolve("junk.onnx"), new byte[] {1, 2, 3, 4, 5});
        ModelSpec bad = new ModelSpec(ModelFormat.ONNX, junk, "input", spec.inputShape(), spec.outputNames());
        BackendException e = assertThrows(BackendException.class, () -> provider.open(bad, BackendOptions.empty()));
        assertEquals(ErrorCode.MODEL_INVALID, e.code());
        assertTrue(e.getMessage().contains("junk.onnx"), e.getMessage());
    }
}
