package io.posegate.backend.tensorrt;

import io.posegate.backend.tensorrt.engine.Fp16Mode;
import io.posegate.backend.tensorrt.engine.TensorRtOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.backend.tensorrt.engine.Precision;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.ErrorCode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TensorRtOptionsTest {
    private static BackendException invalid(Map<String, String> values) {
        BackendException e = assertThrows(BackendException.class, () -> TensorRtOptions.parse(BackendOptions.of(values)));
        assertEquals(ErrorCode.INVALID_OPTION, e.code(), e.toString());
        return e;
    }

    @Test
    void defaults() {
        TensorRtOptions o = TensorRtOptions.parse(BackendOptions.empty());
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "posegate", "tensorrt"), o.cacheDir());
        assertEquals(Fp16Mode.AUTO, o.fp16());
        assertEquals(256L << 20, o.workspaceBytes());
        assertEquals(0, o.device());
    }

    @Test
    void everyOptionIsRead() {
        TensorRtOptions o = TensorRtOptions.parse(BackendOptions.of(Map.of("cacheDir", "/var/cache/trt", "fp16", "FALSE",
                "workspaceMiB", "1024", "device", "1")));
        assertEquals(new TensorRtOptions(Path.of("/var/cache/trt"), Fp16Mode.FALSE, 1024, 1), o);
        assertEquals(1L << 30, o.workspaceBytes());
    }

    @Test
    void unknownOptionIsRejectedListingTheKnownOnes() {
        BackendException e = invalid(Map.of("fp61", "true"));
        assertTrue(e.getMessage().contains("[fp61]"), e.getMessage());
        assertTrue(e.getMessage().contains("known: [cacheDir, device, fp16, workspaceMiB]"), e.getMessage());
    }

    @Test
    void badValuesNameTheOption() {
        assertTrue(invalid(Map.of("fp16", "maybe")).getMessage().contains("'fp16' must be auto, true or false, got 'maybe'"));
        assertTrue(invalid(Map.of("workspaceMiB", "0")).getMessage().contains("'workspaceMiB' must be at least 1"));
        assertTrue(invalid(Map.of("workspaceMiB", "lots")).getMessage().contains("'workspaceMiB' must be an integer"));
        assertTrue(invalid(Map.of("device", "-1")).getMessage().contains("'device' must be a CUDA device index"));
        assertTrue(invalid(Map.of("cacheDir", " ")).getMessage().contains("'cacheDir'"));
    }

    @Test
    void fp16ModeDecidesPrecisionFromThePlatform() {
        assertEquals(Precision.FP16, Fp16Mode.AUTO.precision(true));
        assertEquals(Precision.FP32, Fp16Mode.AUTO.precision(false));
        assertEquals(Precision.FP16, Fp16Mode.TRUE.precision(false));
        assertEquals(Precision.FP32, Fp16Mode.FALSE.precision(true));
    }
}
