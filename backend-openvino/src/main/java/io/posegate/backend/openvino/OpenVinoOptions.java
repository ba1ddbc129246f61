package io.posegate.backend.openvino;

import io.posegate.backend.openvino.internal.OvModel;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options of the {@code openvino} backend ({@code backends.openvino.*} in the gateway config).
 *
 * @param device          {@code device}: CPU (default), GPU, MYRIAD, NPU, AUTO, HETERO:..., MULTI:..., or an
 *                        indexed device such as GPU.1; in OpenVINO's upper-case spelling ({@link DeviceName}: {@code cpu}
 *                        becomes {@code CPU})
 * @param inferRequests   {@code inferRequests}: asynchronous infer requests kept, 1..64 (default: {@code numStreams}
 *                        when that is a number, else 1; 4 suits an NCS2); it is the session's maxConcurrentRuns
 * @param numThreads      {@code numThreads}: CPU inference threads, 0 for OpenVINO's default
 * @param performanceHint {@code performanceHint}: LATENCY, THROUGHPUT or CUMULATIVE_THROUGHPUT, or null
 * @param precision       {@code inferencePrecision}: f32, bf16 or f16 (OpenVINO's INFERENCE_PRECISION_HINT), or
 *                        {@code default} for the device's own choice. Default: f32 on CPU, so results match the
 *                        other backends on every CPU (OpenVINO picks bf16 by itself on CPUs with AVX512-BF16 or AMX),
 *                        and the device's choice elsewhere (f16 on GPU, MYRIAD and NPU)
 * @param cacheDir        {@code cacheDir}: OpenVINO's compiled-model cache directory, or null
 * @param libraryPath     {@code libraryPath}: a directory holding libopenvino_c.so (or the file), or null
 * @param cpu             how the CPU device spreads inference over the cores ({@link CpuThreading})
 */
public record OpenVinoOptions(String device, int inferRequests, int numThreads, String performanceHint, String precision,
                              String cacheDir, String libraryPath, CpuThreading cpu) {
    static final Set<String> KEYS = keys();
    private static final Set<String> HINTS = Set.of("LATENCY", "THROUGHPUT", "CUMULATIVE_THROUGHPUT");
    private static final Set<String> PRECISIONS = Set.of("f32", "bf16", "f16", "default");

    /**
     * Parses and checks the options.
     *
     * @throws BackendException {@link ErrorCode#INVALID_OPTION} naming the option and the accepted values
     */
    public static OpenVinoOptions parse(BackendOptions options) {
        options.requireOnly("openvino", KEYS);
        CpuThreading cpu = CpuThreading.parse(options);
        String device = options.get("device", "CPU").trim();
        if (device.isEmpty()) {
            throw invalid("option 'device' is empty; use CPU, GPU, MYRIAD, NPU, AUTO or HETERO:...");
        }
        device = DeviceName.normalise(device);
        int requests = options.getInt("inferRequests", Math.max(1, cpu.fixedStreams()));
        if (requests < 1 || requests > 64) {
            throw invalid("option 'inferRequests' must be between 1 and 64, got " + requests);
        }
        int threads = options.getInt("numThreads", 0);
        if (threads < 0) {
            throw invalid("option 'numThreads' must be 0 (runtime default) or more, got " + threads);
        }
        String hint = options.get("performanceHint", null);
        if (hint != null) {
            hint = hint.trim().toUpperCase(Locale.ROOT);
            if (!HINTS.contains(hint)) {
                throw invalid("option 'performanceHint' must be one of " + HINTS + ", got '" + options.get("performanceHint", "") + "'");
            }
        }
        String precision = options.get("inferencePrecision", device.equals("CPU") ? "f32" : "default")
                .trim().toLowerCase(Locale.ROOT);
        if (!PRECISIONS.contains(precision)) {
            throw invalid("option 'inferencePrecision' must be one of " + new java.util.TreeSet<>(PRECISIONS) + ", got '"
                    + options.get("inferencePrecision", "") + "'");
        }
        OpenVinoOptions parsed = new OpenVinoOptions(device, requests, threads, hint, precision, options.get("cacheDir", null),
                options.get("libraryPath", null), cpu);
        Map<String, String> properties = parsed.compileProperties();
        if (properties.size() > OvModel.MAX_PROPERTIES) {
            throw invalid("these options make " + properties.size() + " OpenVINO compile properties " + properties.keySet()
                    + ", but at most " + OvModel.MAX_PROPERTIES + " can be passed; leave some unset");
        }
        return parsed;
    }

    private static Set<String> keys() {
        Set<String> keys = new java.util.HashSet<>(Set.of("device", "inferRequests", "numThreads", "performanceHint",
                "inferencePrecision", "cacheDir", "libraryPath"));
        keys.addAll(CpuThreading.KEYS);
        return Set.copyOf(keys);
    }

    /** The compile-time properties passed to OpenVINO (string keys and values). */
    public Map<String, String> compileProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        if (numThreads > 0) {
            p.put("INFERENCE_NUM_THREADS", Integer.toString(numThreads));
        }
        if (performanceHint != null) {
            p.put("PERFORMANCE_HINT", performanceHint);
        }
        if (!precision.equals("default")) {
            p.put("INFERENCE_PRECISION_HINT", precision);
        }
        if (cacheDir != null && !cacheDir.isBlank()) {
            p.put("CACHE_DIR", cacheDir);
        }
        cpu.addTo(p);
        return p;
    }

    private static BackendException invalid(String message) {
        return new BackendException(ErrorCode.INVALID_OPTION, message);
    }
}
