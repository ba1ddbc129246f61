package io.posegate.backend.openvino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.ErrorCode;
import io.posegate.backend.openvino.internal.OvModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenVinoOptionsTest {
    private static OpenVinoOptions parse(Map<String, String> values) {
        return OpenVinoOptions.parse(BackendOptions.of(values));
    }

    private static void assertInvalid(Map<String, String> values, String mentioned) {
        BackendException e = assertThrows(BackendException.class, () -> parse(values));
        assertEquals(ErrorCode.INVALID_OPTION, e.code());
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
    }

    @Test
    void defaultsAreCpuOneRequestAndF32() {
        OpenVinoOptions o = parse(Map.of());
        assertEquals("CPU", o.device());
        assertEquals(1, o.inferRequests());
        assertEquals(Map.of("INFERENCE_PRECISION_HINT", "f32"), o.compileProperties());
    }

    @Test
    void acceleratorsKeepTheirOwnPrecisionAndOptionsMapToOpenVinoProperties() {
        OpenVinoOptions o = parse(Map.of("device", "MYRIAD", "inferRequests", "4", "performanceHint", "throughput",
                "cacheDir", "/var/cache/ov"));
        assertEquals(4, o.inferRequests());
        assertEquals(Map.of("PERFORMANCE_HINT", "THROUGHPUT", "CACHE_DIR", "/var/cache/ov"), o.compileProperties());
        OpenVinoOptions cpu = parse(Map.of("numThreads", "2", "inferencePrecision", "default"));
        assertEquals(Map.of("INFERENCE_NUM_THREADS", "2"), cpu.compileProperties());
    }

    @Test
    void cpuThreadingOptionsBecomeOpenVinoPropertiesAndStreamsSetTheRequests() {
        OpenVinoOptions o = parse(Map.of("numStreams", "2", "cpuPinning", "false", "hyperThreading", "yes",
                "schedulingCoreType", "pcore_only", "tbbPartitioner", "auto", "inferencePrecision", "default"));
        assertEquals(Map.of("NUM_STREAMS", "2", "ENABLE_CPU_PINNING", "NO", "ENABLE_HYPER_THREADING", "YES",
                "SCHEDULING_CORE_TYPE", "PCORE_ONLY", "TBB_PARTITIONER", "AUTO"), o.compileProperties());
        assertEquals(2, o.inferRequests(), "one infer request per stream unless inferRequests says otherwise");
        assertEquals(3, parse(Map.of("numStreams", "2", "inferRequests", "3")).inferRequests());
        OpenVinoOptions auto = parse(Map.of("numStreams", "auto", "cpuPinning", "true"));
        assertEquals(1, auto.inferRequests());
        assertEquals("AUTO", auto.compileProperties().get("NUM_STREAMS"));
        assertEquals("YES", auto.compileProperties().get("ENABLE_CPU_PINNING"));
    }

    /** Every option set at once: one compile property each, all of which the shim can pass. */
    static final Map<String, String> ALL_OPTIONS = Map.of("numThreads", "1", "performanceHint", "LATENCY",
            "inferencePrecision", "f32", "cacheDir", "/tmp/posegate-ov-cache", "numStreams", "1", "cpuPinning", "false",
            "hyperThreading", "false", "schedulingCoreType", "ANY_CORE", "tbbPartitioner", "STATIC");

    @Test
    void everyOptionTogetherFitsWhatTheShimPasses() throws Exception {
        Map<String, String> properties = parse(ALL_OPTIONS).compileProperties();
        assertEquals(9, properties.size(), properties.toString());
        assertTrue(properties.size() <= OvModel.MAX_PROPERTIES, properties + " vs " + OvModel.MAX_PROPERTIES);
        String header = Files.readString(Path.of("src/main/cpp/posegate_ov.h"));
        assertTrue(header.contains("#define PGOV_MAX_PROPERTIES " + OvModel.MAX_PROPERTIES + "\n"),
                "OvModel.MAX_PROPERTIES must equal PGOV_MAX_PROPERTIES in posegate_ov.h");
    }

    @Test
    void deviceNamesTakeOpenVinosUpperCaseSpelling() {
        assertEquals("CPU", parse(Map.of("device", "cpu")).device());
        assertEquals(Map.of("INFERENCE_PRECISION_HINT", "f32"), parse(Map.of("device", "cpu")).compileProperties());
        assertEquals("GPU.1", parse(Map.of("device", " gpu.1 ")).device());
        assertEquals("HETERO:GPU,CPU", parse(Map.of("device", "hetero:gpu, cpu")).device());
        assertEquals("BATCH:GPU(4)", parse(Map.of("device", "batch:gpu(4)")).device());
        assertEquals("MYRIAD.1.1-ma2480", parse(Map.of("device", "myriad.1.1-ma2480")).device(), "a device id is kept as written");
        assertInvalid(Map.of("device", "HETERO:GPU,,CPU"), "empty device in 'HETERO:GPU,,CPU'");
        assertInvalid(Map.of("device", "MULTI:"), "empty device");
    }

    @Test
    void badValuesNameTheOption() {
        assertInvalid(Map.of("numStreams", "0"), "numStreams");
        assertInvalid(Map.of("numStreams", "many"), "numStreams");
        assertInvalid(Map.of("cpuPinning", "sometimes"), "cpuPinning");
        assertInvalid(Map.of("hyperThreading", "2"), "hyperThreading");
        assertInvalid(Map.of("schedulingCoreType", "BIG"), "schedulingCoreType");
        assertInvalid(Map.of("tbbPartitioner", "SIMPLE"), "tbbPartitioner");
        assertInvalid(Map.of("inferRequests", "0"), "inferRequests");
        assertInvalid(Map.of("inferRequests", "four"), "inferRequests");
        assertInvalid(Map.of("numThreads", "-1"), "numThreads");
        assertInvalid(Map.of("performanceHint", "FAST"), "performanceHint");
        assertInvalid(Map.of("inferencePrecision", "int8"), "inferencePrecision");
        assertInvalid(Map.of("device", " "), "device");
        assertInvalid(Map.of("devcie", "GPU"), "devcie");
    }
}
